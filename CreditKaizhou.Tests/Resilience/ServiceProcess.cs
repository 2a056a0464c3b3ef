using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CreditKaizhou.Tests.Infrastructure;

namespace CreditKaizhou.Tests.Resilience;

/// <summary>
/// The service as a real process (the build output of CreditKaizhou.Api), on 127.0.0.1 and a free
/// port, so that a test can kill it the way a power cut would.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly System.Diagnostics.Process _process;

    private ServiceProcess(System.Diagnostics.Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<ServiceProcess> StartAsync(Engine engine, string connectionString, string workingDirectory)
    {
        var dll = ApiAssembly();
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Database__Provider"] = engine.ProviderName();
        start.Environment["ConnectionStrings__CreditKaizhou"] = connectionString;
        start.Environment["Seed__GeneratedCatalogue"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var service = new ServiceProcess(process, new Uri($"http://127.0.0.1:{port}"));
        using var client = new HttpClient { BaseAddress = service.Address, Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with code {process.ExitCode} while starting.");
            }

            try
            {
                using var ready = await client.GetAsync("/health/ready");
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return service;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        await service.DisposeAsync();
        throw new TimeoutException("The service did not become ready within 30 s.");
    }

    /// <summary>SIGKILL: no shutdown code runs, nothing is flushed.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The service's own build output in the same configuration as the tests (Debug or Release).</summary>
    internal static string ApiAssembly()
    {
        var testDirectory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        var framework = testDirectory.Name;
        var configuration = testDirectory.Parent!.Name;
        var dll = RepositoryRoot.Combine("CreditKaizhou.Api", "bin", configuration, framework, "CreditKaizhou.Api.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the solution first: the service binary is missing.", dll);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
