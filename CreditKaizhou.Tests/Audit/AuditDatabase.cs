using System.Data.Common;
using System.Diagnostics;
using System.Security.Claims;
using System.Text.Json;
using CreditKaizhou.Api.Infrastructure.Audit;
using CreditKaizhou.Tests.Api;
using CreditKaizhou.Tests.Infrastructure;
using CreditKaizhou.Tests.Resilience;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CreditKaizhou.Tests.Audit;

/// <summary>
/// What someone with direct access to the database could do to the access log: switch off its append-only guard,
/// then alter, delete or swap entries with plain SQL. And the two ways the credit office finds out.
/// </summary>
internal static class AuditDatabase
{
    public static async Task<T> WithConnectionAsync<T>(ApiFactory api, Func<DbConnection, Task<T>> work)
    {
        await using var source = TestEngines.CreateDataSource(api.Engine, api.ConnectionString);
        await using var connection = await source.OpenConnectionAsync();
        return await work(connection);
    }

    public static Task<int> DisableGuardAsync(ApiFactory api) => WithConnectionAsync(api, c => c.ExecuteAsync(api.Engine switch
    {
        Engine.Sqlite => "DROP TRIGGER tr_access_audit_no_update; DROP TRIGGER tr_access_audit_no_delete;",
        Engine.Postgres => "ALTER TABLE access_audit DISABLE TRIGGER USER",
        _ => "DISABLE TRIGGER dbo.tr_access_audit_no_change ON dbo.access_audit",
    }));

    public static Task<int> AlterPurposeAsync(ApiFactory api, long sequence, string purpose) => WithConnectionAsync(api, c =>
        c.ExecuteAsync("UPDATE access_audit SET purpose = @Purpose WHERE sequence = @Sequence", new { Purpose = purpose, Sequence = sequence }));

    public static Task<int> DeleteAsync(ApiFactory api, long sequence) => WithConnectionAsync(api, c =>
        c.ExecuteAsync("DELETE FROM access_audit WHERE sequence = @Sequence", new { Sequence = sequence }));

    /// <summary>Swaps the places of two entries, through a free number since the sequence is the primary key.</summary>
    public static Task<int> SwapAsync(ApiFactory api, long a, long b) => WithConnectionAsync(api, async c =>
        await c.ExecuteAsync("UPDATE access_audit SET sequence = @To WHERE sequence = @From", new { From = a, To = 1_000_000_000L })
        + await c.ExecuteAsync("UPDATE access_audit SET sequence = @To WHERE sequence = @From", new { From = b, To = a })
        + await c.ExecuteAsync("UPDATE access_audit SET sequence = @To WHERE sequence = @From", new { From = 1_000_000_000L, To = b }));

    public static Task<long[]> SequencesAsync(ApiFactory api) => WithConnectionAsync(api, async c =>
        (await c.QueryAsync<long>("SELECT sequence FROM access_audit ORDER BY sequence")).ToArray());

    /// <summary>A caller as the authentication handler makes one.</summary>
    public static ClaimsPrincipal Caller(Guid clientId, string name, string role) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, clientId.ToString()), new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)],
        "Test", ClaimTypes.Name, ClaimTypes.Role));

    public static IAccessAudit Writer(ApiFactory api) => api.Services.GetRequiredService<IAccessAudit>();

    /// <summary>Runs <c>CreditKaizhou.Api audit verify</c> as its own process against the factory's database.</summary>
    public static async Task<(int ExitCode, JsonElement Result, string Error)> RunVerifyCommandAsync(ApiFactory api)
    {
        var start = new ProcessStartInfo("dotnet", [ServiceProcess.ApiAssembly(), "audit", "verify"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        // Production: the command must need neither the demo seed nor any secret.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = api.Engine.ProviderName();
        start.Environment["ConnectionStrings__CreditKaizhou"] = api.ConnectionString;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var text = await output;
        return (process.ExitCode, JsonDocument.Parse(text).RootElement, await error);
    }
}
