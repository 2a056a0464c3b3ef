using CreditKaizhou.Api.Features.Audit;
using CreditKaizhou.Api.Features.Catalogue;
using CreditKaizhou.Api.Features.Checks;
using CreditKaizhou.Api.Features.Clients;
using CreditKaizhou.Api.Features.Departments;
using CreditKaizhou.Api.Features.Health;
using CreditKaizhou.Api.Features.Identifiers;
using CreditKaizhou.Api.Features.Lists;
using CreditKaizhou.Api.Features.Records;
using CreditKaizhou.Api.Features.Reports;
using CreditKaizhou.Api.Features.Subjects;
using CreditKaizhou.Api.Infrastructure.Audit;
using CreditKaizhou.Api.Infrastructure.Auth;
using CreditKaizhou.Api.Infrastructure.ClerkPage;
using CreditKaizhou.Api.Infrastructure.Hosting;
using CreditKaizhou.Api.Infrastructure.Http;
using CreditKaizhou.Api.Infrastructure.Database;
using CreditKaizhou.Api.Infrastructure.Diagnostics;
using CreditKaizhou.Api.Infrastructure.Localization;
using CreditKaizhou.Api.Infrastructure.OpenApi;
using CreditKaizhou.Api.Infrastructure.Privacy;
using CreditKaizhou.Api.Infrastructure.Problems;
using CreditKaizhou.Api.Infrastructure.Validation;
using CreditKaizhou.Api.Seed;

var builder = WebApplication.CreateBuilder(ServiceHost.Options(args));

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.ConfigureHttpJsonOptions(o => ServiceJson.Configure(o.SerializerOptions));
builder.Services.AddDatabase();
builder.Services.AddRepositories();
builder.Services.AddAccessAudit();
builder.Services.AddPrivacy();
builder.Services.AddApiLocalization();
builder.Services.AddApiProblemDetails();
builder.Services.AddRequestBodyLimit();
builder.Services.AddApiKeyAuthentication();
builder.Services.AddApiValidation();
builder.Services.AddApiHealthChecks();
builder.Services.AddApiOpenApi();
builder.Services.AddDevelopmentSeed();

var app = builder.Build();
if (AuditCommand.IsInvoked(args))
{
    return await AuditCommand.RunAsync(app.Services, args, Console.Out, Console.Error);
}

app.UseServerTiming();
app.UseRequestLocalization();
app.UseApiProblemDetails();
app.UseClerkPage();
app.UseRouting();
app.UseRequestBodyLimit();
app.UseApiKeyAuthentication();

app.MapApiDocumentation();
app.MapHealth();
app.MapDepartments();
app.MapClients();
app.MapIdentifiers();
app.MapCatalogue();
app.MapRecords();
app.MapLists();
app.MapMeasures();
app.MapChecks();
app.MapSubjects();
app.MapReports();
app.MapAudit();

await app.PrepareDatabaseAsync();
await app.RunAsync();
return 0;

public partial class Program;
