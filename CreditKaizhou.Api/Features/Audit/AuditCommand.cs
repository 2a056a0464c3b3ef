using System.Data.Common;
using System.Text.Json;
using CreditKaizhou.Api.Infrastructure.Audit;
using CreditKaizhou.Api.Infrastructure.Localization;

namespace CreditKaizhou.Api.Features.Audit;

/// <summary>
/// <c>CreditKaizhou.Api audit verify</c>: verifies the access log of the configured database without starting the web
/// server. Prints the verification as JSON (the same document as <c>GET /api/v1/audit/verify</c>) and a line for people
/// on standard error; exits 0 when the log is intact, 1 when it is not or cannot be read, 2 for a wrong command line.
/// </summary>
public static class AuditCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static bool IsInvoked(string[] args) => args is ["audit", ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        if (args is not ["audit", "verify"])
        {
            await error.WriteLineAsync("usage: CreditKaizhou.Api audit verify");
            return 2;
        }

        AuditVerification result;
        try
        {
            result = await services.GetRequiredService<AccessAuditVerifier>().VerifyAsync(CancellationToken.None);
        }
        catch (DbException e)
        {
            await error.WriteLineAsync(Text.T($"无法读取访问日志：{e.Message}", $"The access log cannot be read: {e.Message}"));
            return 1;
        }

        await output.WriteLineAsync(JsonSerializer.Serialize(result, Json));
        await error.WriteLineAsync(result.FirstBroken is { } broken
            ? Text.T($"访问日志已被篡改：第 {broken.Sequence} 条 {broken.Problem}（共 {result.Entries} 条）。",
                $"The access log has been tampered with: entry {broken.Sequence} {broken.Problem} ({result.Entries} entries).")
            : Text.T($"访问日志完整：共 {result.Entries} 条。", $"The access log is intact: {result.Entries} entries."));
        return result.Valid ? 0 : 1;
    }
}
