using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Npgsql;

namespace CreditKaizhou.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server for one test run: an existing server named by
/// <c>CREDITKAIZHOU_TEST_POSTGRES</c>, or else a throwaway cluster started from the installed
/// server binaries in a temporary directory. When neither is possible the instance is returned
/// with <see cref="IsAvailable"/> false so callers can skip rather than fail.
/// </summary>
public sealed partial class PostgresCluster : IAsyncDisposable, IDisposable
{
    public const string ServerVariable = "CREDITKAIZHOU_TEST_POSTGRES";
    public const string MissingBinariesReason =
        "PostgreSQL server binaries (initdb, pg_ctl) not found; install the Debian package postgresql";

    /// <summary>Prefix of the temporary directories; <c>.ci/run</c> looks for leftovers by it.</summary>
    public const string DirectoryPrefix = "creditkaizhou-pg-";

    private const string ServiceUser = "postgres";
    private const int MaxIdentifierLength = 63;

    private readonly string? _rootDirectory;
    private readonly bool _runAsServiceUser;
    private readonly List<string> _createdDatabases = [];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _stopped;

    private PostgresCluster(string? unavailableReason)
    {
        UnavailableReason = unavailableReason;
        _stopped = true;
    }

    private PostgresCluster(string adminConnectionString, bool isExternal, string? binDirectory = null,
        string? rootDirectory = null, bool runAsServiceUser = false, TimeSpan startupTime = default)
    {
        AdminConnectionString = adminConnectionString;
        IsExternal = isExternal;
        BinDirectory = binDirectory;
        _rootDirectory = rootDirectory;
        _runAsServiceUser = runAsServiceUser;
        StartupTime = startupTime;
        if (!isExternal)
        {
            // A test host that exits without running the tear-down must not leave a server behind.
            AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        }
    }

    public bool IsAvailable => AdminConnectionString is not null;

    /// <summary>Why the server is not available; null when it is.</summary>
    public string? UnavailableReason { get; }

    /// <summary>True when the server came from <c>CREDITKAIZHOU_TEST_POSTGRES</c>.</summary>
    public bool IsExternal { get; }

    /// <summary>Connection string for the maintenance database; null when not available.</summary>
    public string? AdminConnectionString { get; }

    /// <summary>Time taken by initdb and pg_ctl start; zero for an external server.</summary>
    public TimeSpan StartupTime { get; }

    /// <summary>Directory holding the server binaries of a throwaway cluster.</summary>
    public string? BinDirectory { get; }

    public static async Task<PostgresCluster> StartAsync(CancellationToken ct = default)
    {
        var external = Environment.GetEnvironmentVariable(ServerVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            var builder = new NpgsqlConnectionStringBuilder(external) { IncludeErrorDetail = true };
            builder.Database = string.IsNullOrEmpty(builder.Database) ? "postgres" : builder.Database;
            return new PostgresCluster(builder.ConnectionString, isExternal: true);
        }

        var binDirectory = FindBinDirectory();
        if (binDirectory is null)
        {
            return new PostgresCluster(MissingBinariesReason);
        }

        var runAsServiceUser = await IsRootAsync(ct);
        if (runAsServiceUser && !await UserExistsAsync(ServiceUser, ct))
        {
            return new PostgresCluster(
                $"Running as root and there is no '{ServiceUser}' user to own the PostgreSQL cluster");
        }

        var stopwatch = Stopwatch.StartNew();
        var root = await CreateRootDirectoryAsync(runAsServiceUser, ct);
        try
        {
            var port = await InitAndStartAsync(binDirectory, root, runAsServiceUser, ct);
            var builder = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1",
                Port = port,
                Username = ServiceUser,
                Database = "postgres",
                IncludeErrorDetail = true,
            };
            return new PostgresCluster(builder.ConnectionString, isExternal: false, binDirectory, root,
                runAsServiceUser, stopwatch.Elapsed);
        }
        catch
        {
            await StopServerAsync(binDirectory, root, runAsServiceUser);
            DeleteDirectory(root);
            throw;
        }
    }

    /// <summary>
    /// Creates an empty database and returns a connection string for it. The name is a label:
    /// it is reduced to <c>[a-z0-9_]</c> and given a random suffix so each call gets a new database.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken ct = default)
    {
        if (AdminConnectionString is null)
        {
            throw new InvalidOperationException(UnavailableReason);
        }

        var database = DatabaseName(name);
        await _gate.WaitAsync(ct);
        try
        {
            ObjectDisposedException.ThrowIf(_stopped, this);
            await using var connection = new NpgsqlConnection(AdminConnectionString);
            await connection.OpenAsync(ct);
            // Identifiers cannot be parameters; the name is restricted to [a-z0-9_] above.
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await command.ExecuteNonQueryAsync(ct);
            _createdDatabases.Add(database);
        }
        finally
        {
            _gate.Release();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;
    }

    /// <summary>
    /// Stops a throwaway cluster and deletes its directory, or drops the databases created on an
    /// external server. Safe to call more than once.
    /// </summary>
    public async Task StopAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            NpgsqlConnection.ClearAllPools();
            if (IsExternal)
            {
                await DropCreatedDatabasesAsync();
                return;
            }

            AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
            await StopServerAsync(BinDirectory!, _rootDirectory!, _runAsServiceUser);
            DeleteDirectory(_rootDirectory!);
        }
        finally
        {
            _gate.Release();
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    public void Dispose() => StopAsync().GetAwaiter().GetResult();

    internal static string DatabaseName(string label)
    {
        var suffix = "_" + Guid.NewGuid().ToString("N")[..8];
        var cleaned = NotIdentifierCharacters().Replace(label.ToLowerInvariant(), "_");
        if (cleaned.Length == 0 || char.IsAsciiDigit(cleaned[0]))
        {
            cleaned = "db_" + cleaned;
        }

        var maxLength = MaxIdentifierLength - suffix.Length;
        return (cleaned.Length > maxLength ? cleaned[..maxLength] : cleaned) + suffix;
    }

    private async Task DropCreatedDatabasesAsync()
    {
        if (_createdDatabases.Count == 0)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        // FORCE (PostgreSQL 13+) ends sessions a test left open instead of failing the drop.
        var force = connection.PostgreSqlVersion.Major >= 13 ? " WITH (FORCE)" : "";
        foreach (var database in _createdDatabases)
        {
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\"{force}", connection);
            await command.ExecuteNonQueryAsync();
        }

        _createdDatabases.Clear();
    }

    private static async Task<int> InitAndStartAsync(string binDirectory, string root, bool asServiceUser,
        CancellationToken ct)
    {
        var data = Path.Combine(root, "data");
        string[] initArgs = ["-D", data, "-A", "trust", "-U", ServiceUser, "-E", "UTF8", "--no-sync"];
        var init = await RunToolAsync(binDirectory, "initdb", [.. initArgs, "--locale=C.UTF-8"], asServiceUser,
            root, ct);
        if (init.ExitCode != 0 && init.Output.Contains("invalid locale", StringComparison.OrdinalIgnoreCase))
        {
            DeleteDirectory(data);
            init = await RunToolAsync(binDirectory, "initdb", [.. initArgs, "--locale=C"], asServiceUser, root, ct);
        }

        if (init.ExitCode != 0)
        {
            throw new InvalidOperationException($"initdb failed with exit code {init.ExitCode}:\n{init.Output}");
        }

        var log = Path.Combine(root, "postgres.log");
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            // Another process can take the port between probing and binding; retry on a new one.
            var port = FreePort();
            var options = string.Join(' ',
                $"-p {port}", $"-k '{root}'", "-c listen_addresses=127.0.0.1", "-c fsync=off",
                "-c synchronous_commit=off", "-c full_page_writes=off", "-c max_connections=200");
            var start = await RunToolAsync(binDirectory, "pg_ctl",
                ["start", "-w", "-t", "60", "-D", data, "-l", log, "-o", options], asServiceUser, root, ct);
            if (start.ExitCode == 0)
            {
                return port;
            }

            var logTail = Tail(log, 30);
            if (attempt < attempts && logTail.Contains("could not bind", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            throw new InvalidOperationException($"pg_ctl start failed with exit code {start.ExitCode}:\n"
                + $"{start.Output}\n--- {log} (last lines) ---\n{logTail}");
        }
    }

    private static async Task StopServerAsync(string binDirectory, string root, bool asServiceUser)
    {
        var data = Path.Combine(root, "data");
        if (!File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            return;
        }

        var stop = await RunToolAsync(binDirectory, "pg_ctl", ["stop", "-D", data, "-m", "fast", "-w", "-t", "30"],
            asServiceUser, root, CancellationToken.None);
        if (stop.ExitCode != 0)
        {
            await RunToolAsync(binDirectory, "pg_ctl", ["stop", "-D", data, "-m", "immediate", "-w", "-t", "30"],
                asServiceUser, root, CancellationToken.None);
        }
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        if (!_stopped)
        {
            _stopped = true;
            StopServerAsync(BinDirectory!, _rootDirectory!, _runAsServiceUser).GetAwaiter().GetResult();
            DeleteDirectory(_rootDirectory!);
        }
    }

    private static string? FindBinDirectory()
    {
        var pathDirectories = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var directory in pathDirectories)
        {
            var initdb = Path.Combine(directory, "initdb");
            if (File.Exists(initdb) && File.Exists(Path.Combine(directory, "pg_ctl")))
            {
                // initdb looks for the postgres binary next to its real location, so follow links.
                var real = File.ResolveLinkTarget(initdb, returnFinalTarget: true)?.FullName ?? initdb;
                var realDirectory = Path.GetDirectoryName(real)!;
                return File.Exists(Path.Combine(realDirectory, "pg_ctl")) ? realDirectory : directory;
            }
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (!Directory.Exists(debianRoot))
        {
            return null;
        }

        return Directory.EnumerateDirectories(debianRoot)
            .Select(version => (Version: VersionKey(Path.GetFileName(version)), Bin: Path.Combine(version, "bin")))
            .Where(candidate => File.Exists(Path.Combine(candidate.Bin, "initdb"))
                && File.Exists(Path.Combine(candidate.Bin, "pg_ctl")))
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => candidate.Bin)
            .FirstOrDefault();
    }

    private static Version VersionKey(string name) =>
        Version.TryParse(name.Contains('.') ? name : name + ".0", out var version) ? version : new Version(0, 0);

    private static async Task<string> CreateRootDirectoryAsync(bool forServiceUser, CancellationToken ct)
    {
        var parent = Path.GetTempPath();
        if (forServiceUser && !OthersCanEnter(parent))
        {
            // The server runs as postgres, which must be able to reach its data directory.
            parent = "/tmp";
        }

        var root = Path.Combine(parent, DirectoryPrefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        if (forServiceUser)
        {
            var chown = await ProcessRunner.RunAsync("chown", ["-R", $"{ServiceUser}:", root], ct: ct);
            if (chown.ExitCode != 0)
            {
                DeleteDirectory(root);
                throw new InvalidOperationException($"chown of {root} failed:\n{chown.Output}");
            }
        }

        return root;
    }

    private static bool OthersCanEnter(string directory) =>
        OperatingSystem.IsWindows() || (File.GetUnixFileMode(directory) & UnixFileMode.OtherExecute) != 0;

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static async Task<bool> IsRootAsync(CancellationToken ct)
    {
        if (Environment.UserName == "root")
        {
            return true;
        }

        var id = await ProcessRunner.RunAsync("id", ["-u"], ct: ct);
        return id.ExitCode == 0 && id.Output.Trim() == "0";
    }

    private static async Task<bool> UserExistsAsync(string user, CancellationToken ct) =>
        (await ProcessRunner.RunAsync("id", ["-u", user], ct: ct)).ExitCode == 0;

    private static Task<ProcessResult> RunToolAsync(string binDirectory, string tool,
        IEnumerable<string> arguments, bool asServiceUser, string root, CancellationToken ct)
    {
        var executable = Path.Combine(binDirectory, tool);
        // Working directory: the service user may not be allowed into the test host's.
        return asServiceUser
            ? ProcessRunner.RunAsync("runuser", ["-u", ServiceUser, "--", executable, .. arguments], root, ct)
            : ProcessRunner.RunAsync(executable, arguments, root, ct);
    }

    private static string Tail(string path, int lines)
    {
        try
        {
            return string.Join('\n', File.ReadLines(path).TakeLast(lines));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"(log not readable: {e.Message})";
        }
    }

    private static void DeleteDirectory(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary directory is not worth failing the test run for.
        }
    }

    [GeneratedRegex("[^a-z0-9_]")]
    private static partial Regex NotIdentifierCharacters();
}
