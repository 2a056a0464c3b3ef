using CreditKaizhou.Api.Infrastructure.Auth;
using CreditKaizhou.Domain.Clients;
using CreditKaizhou.Domain.Departments;

namespace CreditKaizhou.Api.Seed;

/// <summary>
/// The Development demo data. Idempotent: every insert is keyed, so running it on an already
/// seeded database changes nothing.
/// </summary>
internal sealed class DevelopmentSeed(IDepartmentRepository departments, IApiClientRepository clients, DemoDataWriter demoData,
    TimeProvider clock, ILogger<DevelopmentSeed> logger)
{
    /// <summary>The six demo keys of API.md. They exist only in Development databases.</summary>
    public static readonly IReadOnlyList<(string Key, string Name, ClientRole Role, string? Department)> DemoKeys =
    [
        ("dev-admin", "区信用办（演示）", ClientRole.Admin, null),
        ("dev-clerk", "区行政服务中心信用窗口（演示）", ClientRole.Clerk, null),
        ("dev-bidding", "区公共资源交易中心招投标系统（演示）", ClientRole.Bidding, null),
        ("dev-dept-scjgj", "区市场监督管理局（演示）", ClientRole.Department, "SCJGJ"),
        ("dev-dept-swj", "区税务局（演示）", ClientRole.Department, "SWJ"),
        ("dev-dept-fy", "区人民法院（演示）", ClientRole.Department, "FY"),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var department in DemoDepartments.All)
        {
            var row = new Department(department.Code, department.Name, department.ShortName, department.CreditCode, department.SortOrder);
            added += await departments.AddAsync(row, now, ct) ? 1 : 0;
        }

        foreach (var (key, name, role, department) in DemoKeys)
        {
            var client = new ApiClient(Guid.CreateVersion7(), name, role, department, ApiKeys.Hint(key), now, null);
            added += await clients.AddAsync(client, ApiKeys.Hash(key), null, ct) ? 1 : 0;
        }

        added += await demoData.WriteAsync(now, ct);
        if (added > 0)
        {
            logger.LogInformation("Development seed added {Count} rows", added);
        }
    }
}
