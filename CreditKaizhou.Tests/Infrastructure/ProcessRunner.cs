using System.Diagnostics;
using System.Globalization;

namespace CreditKaizhou.Tests.Infrastructure;

internal sealed record ProcessResult(int ExitCode, string Output);

/// <summary>Runs a command to completion and captures its output (stdout, then stderr).</summary>
internal static class ProcessRunner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public static async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments,
        string? workingDirectory = null, CancellationToken ct = default)
    {
        var info = new ProcessStartInfo
        {
            FileName = fileName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}");
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (ct.IsCancellationRequested)
            {
                throw;
            }

            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                $"{fileName} {string.Join(' ', arguments)} did not finish within {Timeout.TotalSeconds} s"));
        }

        return new ProcessResult(process.ExitCode, await stdout + await stderr);
    }
}
