namespace CreditKaizhou.Api.Infrastructure.Hosting;

/// <summary>How the service's host is built, shared by the service and the benchmark's in-process host.</summary>
public static class ServiceHost
{
    /// <summary>
    /// The host's options for the given command line. Configuration files are read once, at start, where the
    /// options are validated (ValidateOnStart); a changed file takes effect at the next start. Watching them
    /// instead would watch the whole content root, and the SQLite database lives under it (data/): every write to
    /// the database and its log would wake the watcher's thread.
    /// </summary>
    public static WebApplicationOptions Options(string[] args, string? environmentName = null, string? contentRootPath = null) => new()
    {
        Args = [.. args, "--hostBuilder:reloadConfigOnChange=false"],
        EnvironmentName = environmentName,
        ContentRootPath = contentRootPath,
    };
}
