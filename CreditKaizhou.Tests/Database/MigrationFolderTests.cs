using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace CreditKaizhou.Tests.Database;

/// <summary>
/// Keeps db/ in the shape DbUp relies on: numbered NNNN_verb_object.sql files, the same names in
/// every engine's folder, and no migration edited after it lands (db/migrations.sha256 pins them).
/// </summary>
public sealed partial class MigrationFolderTests
{
    [Test]
    public void FileNames_InEveryEngineFolder_FollowTheConvention()
    {
        var offenders = MigrationFiles.Engines
            .SelectMany(MigrationFiles.In)
            .Where(file => !MigrationName().IsMatch(Path.GetFileName(file)))
            .Select(file => $"db/{file}")
            .ToList();

        Assert.That(offenders, Is.Empty,
            () => $"Migration files must be named NNNN_verb_object.sql (lowercase, e.g. 0002_add_subject_search.sql):{Environment.NewLine}"
                + string.Join(Environment.NewLine, offenders));
    }

    [Test]
    public void Numbers_InEveryEngineFolder_AreContiguousFromOneWithoutDuplicates()
    {
        var problems = new List<string>();
        foreach (var engine in MigrationFiles.Engines)
        {
            var numbered = MigrationFiles.In(engine)
                .Select(Path.GetFileName)
                .OfType<string>()
                .Where(name => MigrationName().IsMatch(name))
                .GroupBy(name => int.Parse(name.AsSpan(0, 4), CultureInfo.InvariantCulture))
                .OrderBy(group => group.Key)
                .ToList();

            problems.AddRange(numbered
                .Where(group => group.Count() > 1)
                .Select(group => $"db/{engine}: number {group.Key:D4} is used by {string.Join(", ", group)}"));

            for (var i = 0; i < numbered.Count; i++)
            {
                if (numbered[i].Key != i + 1)
                {
                    problems.Add($"db/{engine}: expected {i + 1:D4} next but found {numbered[i].First()}");
                    break;
                }
            }
        }

        Assert.That(problems, Is.Empty, () => string.Join(Environment.NewLine, problems));
    }

    [Test]
    public void EngineFolders_HoldTheSameFileNames()
    {
        var namesByEngine = MigrationFiles.Engines.ToDictionary(
            engine => engine,
            engine => MigrationFiles.In(engine).Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal));
        var allNames = namesByEngine.Values.SelectMany(names => names).Distinct().Order(StringComparer.Ordinal);

        var problems = allNames
            .Select(name => (name, missingFrom: MigrationFiles.Engines.Where(engine => !namesByEngine[engine].Contains(name)).ToList()))
            .Where(entry => entry.missingFrom.Count > 0)
            .Select(entry => $"{entry.name} is missing from {string.Join(", ", entry.missingFrom.Select(engine => $"db/{engine}"))}")
            .ToList();

        Assert.That(namesByEngine.Values.Sum(names => names.Count), Is.GreaterThan(0), "no migrations found under db/");
        Assert.That(problems, Is.Empty, () => string.Join(Environment.NewLine, problems));
    }

    [Test]
    public void LockFile_Lines_AreWellFormedSortedAndUnique()
    {
        var lines = File.ReadAllLines(MigrationFiles.LockFile);

        var malformed = lines
            .Select((line, index) => (line, number: index + 1))
            .Where(entry => !LockLine().IsMatch(entry.line))
            .Select(entry => $"line {entry.number}: \"{entry.line}\" is not \"<sha256 hex>  <engine>/<file>\"")
            .ToList();
        Assert.That(malformed, Is.Empty, () => string.Join(Environment.NewLine, malformed));

        var paths = lines.Select(line => line[66..]).ToList();
        Assert.That(paths, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal).And.Unique,
            "db/migrations.sha256 must be sorted by path, one line per file");
    }

    [Test]
    public void PinnedMigrations_AreUnchanged()
    {
        var problems = new List<string>();
        foreach (var (file, pinnedHash) in ReadLockFile())
        {
            var path = MigrationFiles.FullPath(file);
            if (!File.Exists(path))
            {
                problems.Add($"db/{file} is pinned in db/migrations.sha256 but no longer exists; a landed migration is never removed.");
                continue;
            }

            var actualHash = Sha256OfContent(path);
            if (actualHash != pinnedHash)
            {
                problems.Add($"db/{file} changed after it landed (pinned {pinnedHash}, now {actualHash}). " +
                    "Restore it and put the change in a new migration.");
            }
        }

        Assert.That(problems, Is.Empty, () => string.Join(Environment.NewLine, problems));
    }

    [Test]
    public void EveryMigration_IsPinnedInTheLockFile()
    {
        var pinned = ReadLockFile().Select(entry => entry.File).ToHashSet(StringComparer.Ordinal);

        var unpinned = MigrationFiles.Engines
            .SelectMany(MigrationFiles.In)
            .Where(file => !pinned.Contains(file))
            .Order(StringComparer.Ordinal)
            .Select(file => $"{Sha256OfContent(MigrationFiles.FullPath(file))}  {file}")
            .ToList();

        Assert.That(unpinned, Is.Empty,
            () => $"New migrations must be pinned: append these lines to db/migrations.sha256, keeping it sorted by path:{Environment.NewLine}"
                + string.Join(Environment.NewLine, unpinned));
    }

    /// <summary>
    /// SHA-256 of the file with CRLF turned into LF first, so a Windows checkout (core.autocrlf)
    /// hashes the same as a Linux one; for an LF file it equals the output of sha256sum.
    /// </summary>
    private static string Sha256OfContent(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var normalised = new List<byte>(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\r' && i + 1 < bytes.Length && bytes[i + 1] == (byte)'\n')
            {
                continue;
            }

            normalised.Add(bytes[i]);
        }

        return Convert.ToHexStringLower(SHA256.HashData(normalised.ToArray()));
    }

    private static List<(string File, string Hash)> ReadLockFile() =>
        [.. File.ReadAllLines(MigrationFiles.LockFile)
            .Where(line => LockLine().IsMatch(line))
            .Select(line => (File: line[66..], Hash: line[..64]))];

    [GeneratedRegex("^[0-9]{4}_[a-z][a-z0-9]*(_[a-z0-9]+)*\\.sql$")]
    private static partial Regex MigrationName();

    [GeneratedRegex("^[0-9a-f]{64}  [a-z]+/[^/]+$")]
    private static partial Regex LockLine();
}
