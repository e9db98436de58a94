// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes;
using GitTokenScopes.WebApi;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

var builder = WebApplication.CreateBuilder(args);

// Everything the library does is configured in appsettings.json: edition, skip flags, overrides, provider clients.
builder.Services.AddGitTokenScopes(builder.Configuration.GetSection("GitTokenScopes"))
    .AddGitHub(builder.Configuration.GetSection("GitProviders:GitHub"))
    .AddGitLab(builder.Configuration.GetSection("GitProviders:GitLab"))
    .AddBitbucketCloud(builder.Configuration.GetSection("GitProviders:BitbucketCloud"))
    .AddBitbucketServer(builder.Configuration.GetSection("GitProviders:BitbucketServer"));

// The Runtime token this service depends on; its value comes from the environment (RuntimeToken__Token) or a secret
// store, never from appsettings.json.
builder.Services.AddOptions<RuntimeTokenOptions>().BindConfiguration(RuntimeTokenOptions.SectionName);
builder.Services.AddHealthChecks()
    .AddGitTokenScopesCheck("runtime-token", RuntimeTokenOptions.RequestFrom, tags: ["git"]);

builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, WebApiJsonContext.Default));

var app = builder.Build();
app.MapPost("/tokens/validate", TokenEndpoints.ValidateAsync);
app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
app.Run();
