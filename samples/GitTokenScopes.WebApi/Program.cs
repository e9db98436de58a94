// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes;
using GitTokenScopes.WebApi;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);

// Everything the library does is configured in one appsettings.json section: edition, skip flags, overrides, and each
// provider's client options in its own sub-section.
var section = builder.Configuration.GetSection("GitTokenScopes");
builder.Services.AddGitTokenScopes(section)
    .AddGitHub(section.GetSection("GitHub"))
    .AddGitLab(section.GetSection("GitLab"))
    .AddBitbucketCloud(section.GetSection("BitbucketCloud"))
    .AddBitbucketServer(section.GetSection("BitbucketServer"));

// The Runtime token this service depends on; its value comes from the environment (RuntimeToken__Token) or a secret
// store, never from appsettings.json.
builder.Services.AddOptions<RuntimeTokenOptions>().BindConfiguration(RuntimeTokenOptions.SectionName);
builder.Services.AddHealthChecks()
    .AddGitTokenScopesCheck("runtime-token", RuntimeTokenOptions.RequestFrom, tags: ["git"]);

// The servers a caller may point POST /tokens/validate at; none configured means the public providers only.
builder.Services.AddOptions<TokenEndpointOptions>().BindConfiguration(TokenEndpointOptions.SectionName);

// The runtimes the token page lists (an array, each with its server and repositories); misspelt keys and bad values
// fail at startup.
builder.Services.AddOptions<RuntimesOptions>()
    .Configure<IConfiguration>((o, configuration) => o.Bind(configuration))
    .ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<RuntimesOptions>, RuntimesOptionsValidator>();

// Every 4xx and 5xx answers application/problem+json: unhandled errors (without their message) and bare status codes.
builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, WebApiJsonContext.Default));

// The OpenAPI document, /openapi/v1.json; its report schema is the one the package ships.
builder.Services.AddOpenApi(o => o.AddDocumentTransformer<ReportSchemaTransformer>());

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();

// The Git personal access token page (wwwroot): plain files, nothing loaded from elsewhere, which the policy enforces.
app.UseDefaultFiles();
app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = static c => PageHeaders.Apply(c.Context.Response) });

// A sample: it authenticates no caller. A real host adds its own scheme here (builder.Services.AddAuthentication()
// .AddJwtBearer(...) and app.UseAuthentication()/UseAuthorization()) and calls .RequireAuthorization() on the map below.
app.MapPost("/tokens/validate", TokenEndpoints.ValidateAsync)
    .Accepts<ValidateTokenBody>("application/json")
    .Produces<TokenValidationReport>(StatusCodes.Status200OK)
    .ProducesValidationProblem()
    .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
app.MapGet("/runtimes", RuntimeEndpoints.List)
    .Produces<List<RuntimeSummary>>(StatusCodes.Status200OK);
app.MapPost("/runtimes/user-token/validate", RuntimeEndpoints.CheckUserTokenAsync)
    .Accepts<CheckUserTokenBody>("application/json")
    .Produces(StatusCodes.Status200OK, contentType: "application/json")
    .ProducesValidationProblem()
    .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
app.MapOpenApi();
app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
app.Run();
