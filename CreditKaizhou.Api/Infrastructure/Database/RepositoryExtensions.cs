using CreditKaizhou.Api.Features.Catalogue;
using CreditKaizhou.Api.Features.Checks;
using CreditKaizhou.Api.Features.Checks.Receipts;
using CreditKaizhou.Api.Features.Clients;
using CreditKaizhou.Api.Features.Departments;
using CreditKaizhou.Api.Features.Identifiers;
using CreditKaizhou.Api.Features.Lists;
using CreditKaizhou.Api.Features.Records;
using CreditKaizhou.Api.Features.Reports;
using CreditKaizhou.Api.Features.Subjects;
using CreditKaizhou.Domain.Catalogue;
using CreditKaizhou.Domain.Records;
using CreditKaizhou.Domain.Identifiers;
using CreditKaizhou.Domain.Clients;
using CreditKaizhou.Domain.Departments;
using CreditKaizhou.Domain.Lists;

namespace CreditKaizhou.Api.Infrastructure.Database;

public static class RepositoryExtensions
{
    public static IServiceCollection AddRepositories(this IServiceCollection services)
    {
        services.AddSingleton<IDepartmentRepository, DepartmentRepository>();
        services.AddSingleton<IApiClientRepository, ApiClientRepository>();
        services.AddSingleton<ICodeExceptionRepository, CodeExceptionRepository>();
        services.AddSingleton<KnownCodeExceptions>();
        services.AddSingleton<ICatalogueRepository, CatalogueRepository>();
        services.AddSingleton<IRecordStore, RecordStore>();
        services.AddSingleton<IRecordChanges, RecordChanges>();
        services.AddSingleton<RecordQueries>();
        services.AddSingleton<RecordIntake>();
        services.AddSingleton<IListRepository, ListRepository>();
        services.AddSingleton<IMeasureRepository, MeasureRepository>();
        services.AddOptions<RecordOptions>().BindConfiguration(RecordOptions.Section);
        services.AddReceipts();
        services.AddSingleton<ChangeLogHead>();
        services.AddSingleton<ListIndex>();
        services.AddHostedService<ListIndexWarmup>();
        services.AddSingleton<CheckLedger>();
        services.AddSingleton<CheckService>();
        services.AddSingleton<CheckRepository>();
        services.AddSingleton<SubjectRepository>();
        services.AddSingleton<SubjectSearch>();
        services.AddSingleton<SubjectViews>();
        services.AddSingleton<ReportRepository>();
        services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section);
        return services;
    }
}
