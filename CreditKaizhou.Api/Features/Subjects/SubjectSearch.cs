using System.Data.Common;
using System.Text;
using System.Text.Json;
using CreditKaizhou.Api.Infrastructure.Database;
using CreditKaizhou.Domain.Access;
using Dapper;

namespace CreditKaizhou.Api.Features.Subjects;

/// <summary>
/// Name search on the two-character grams of <c>subject_name_grams</c> (migration 0003). Its key is
/// (gram, tier, inactive, name, subject_id), so a gram's postings come in ranking order: the name is the gram, then
/// names starting with it, then names containing it further in; current subjects before deregistered ones; by name.
/// </summary>
[SqlQueries]
internal static class SubjectSearchSql
{
    private const string Postings = """
        FROM subject_name_grams g
        WHERE g.gram = @Gram AND g.name LIKE @Contains ESCAPE '\' AND (@Persons = 1 OR g.is_person = 0)
        ORDER BY g.tier, g.inactive, g.name, g.subject_id
        """;

    private const string Subjects = """
        SELECT s.id, s.subject_type, s.lookup_key, s.display_code, s.name, s.status, p.tier
        """;

    /// <summary>How many subjects carry each of the grams of a fragment (a gram no subject carries is missing).</summary>
    public static string GramCounts(SqlDialect d) =>
        $"SELECT gram, subjects, persons FROM subject_gram_counts WHERE gram IN ({d.JsonArrayValues("@Grams")})";

    /// <summary>How many postings of a gram match, counted no further than <c>@Reach</c>.</summary>
    public static string Count(SqlDialect d) => $"""
        SELECT COUNT(*) FROM (SELECT g.subject_id {Postings} {d.Limit("@Reach")}) m
        """;

    /// <summary>A page of a two-character fragment: the gram's postings are already in ranking order.</summary>
    public static string GramPage(SqlDialect d) => $"""
        {Subjects}
        FROM (SELECT g.subject_id, g.tier, g.inactive, g.name {Postings} {d.Page}) p
        JOIN subjects s ON s.id = p.subject_id
        ORDER BY p.tier, p.inactive, p.name, p.subject_id
        """;

    /// <summary>
    /// A page of a longer fragment: the first <c>@Reach</c> postings of its rarest gram that contain the whole fragment,
    /// ranked by how the name matches the fragment itself.
    /// </summary>
    public static string FragmentPage(SqlDialect d) => $"""
        {Subjects}
        FROM (
            SELECT m.subject_id, m.tier, m.inactive, m.name
            FROM (
                SELECT g.subject_id, g.inactive, g.name,
                       CASE WHEN g.name = @Fragment THEN 0 WHEN g.name LIKE @Prefix ESCAPE '\' THEN 1 ELSE 2 END AS tier
                {Postings} {d.Limit("@Reach")}
            ) m
            ORDER BY m.tier, m.inactive, m.name, m.subject_id
            {d.Page}
        ) p
        JOIN subjects s ON s.id = p.subject_id
        ORDER BY p.tier, p.inactive, p.name, p.subject_id
        """;
}

/// <summary>Finds subjects by a name fragment; see <see cref="SubjectSearchSql"/> for the index it reads.</summary>
public sealed class SubjectSearch(DbDataSource db, SqlDialect dialect)
{
    /// <summary>
    /// How deep results are reached: deeper pages are refused; a longer fragment ranks and counts no more matches than
    /// this (a larger total is reported as this, not exact).
    /// </summary>
    public const int Reach = 10_000;

    private readonly string _gramCounts = SubjectSearchSql.GramCounts(dialect);
    private readonly string _count = SubjectSearchSql.Count(dialect);
    private readonly string _gramPage = SubjectSearchSql.GramPage(dialect);
    private readonly string _fragmentPage = SubjectSearchSql.FragmentPage(dialect);

    /// <summary>
    /// A page of the subjects whose names contain <paramref name="fragment"/> and the total: exact for two characters
    /// (from the gram counts), otherwise counted up to <see cref="Reach"/> and then not exact.
    /// </summary>
    public async Task<(IReadOnlyList<SearchHit> Hits, int Total, bool TotalExact)> ByNameAsync(string fragment, Viewer viewer, int skip, int take,
        CancellationToken ct)
    {
        var grams = Grams(fragment);
        var persons = DisclosurePolicy.FindsPersonsByName(viewer);
        var contains = "%" + EscapeLike(fragment) + "%";
        await using var connection = await db.OpenConnectionAsync(ct);
        var counts = (await connection.QueryAsync<GramCount>(new CommandDefinition(_gramCounts,
            new { Grams = JsonSerializer.Serialize(grams) }, cancellationToken: ct))).ToList();
        if (counts.Count < grams.Count || counts.Any(c => c.Subjects == 0))
        {
            return ([], 0, true); // a gram nobody carries
        }

        // The rarest gram has the fewest postings to confirm the whole fragment on.
        var rarest = counts.MinBy(c => c.Subjects)!;
        int total;
        bool exact;
        if (grams.Count == 1)
        {
            total = (int)(persons ? rarest.Subjects : rarest.Subjects - rarest.Persons);
            exact = true;
        }
        else
        {
            total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(_count,
                new { rarest.Gram, Contains = contains, Persons = persons ? 1 : 0, Reach }, cancellationToken: ct));
            exact = total < Reach;
        }

        if (total <= skip)
        {
            return ([], total, exact);
        }

        var hits = grams.Count == 1
            ? await connection.QueryAsync<SearchHit>(new CommandDefinition(_gramPage,
                new { rarest.Gram, Contains = contains, Persons = persons ? 1 : 0, Skip = skip, Take = take }, cancellationToken: ct))
            : await connection.QueryAsync<SearchHit>(new CommandDefinition(_fragmentPage, new
            {
                rarest.Gram, Contains = contains, Persons = persons ? 1 : 0, Fragment = fragment, Prefix = EscapeLike(fragment) + "%", Reach,
                Skip = skip, Take = take,
            }, cancellationToken: ct));
        return (hits.ToList(), total, exact);
    }

    /// <summary>The distinct pairs of adjacent characters (code points, as the databases count them) of a fragment.</summary>
    public static IReadOnlyList<string> Grams(string text)
    {
        var runes = text.EnumerateRunes().Select(r => r.ToString()).ToList();
        return runes.Zip(runes.Skip(1), string.Concat).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The fragment as a LIKE pattern of itself: wildcards (and SQL Server's brackets) escaped with a backslash.</summary>
    public static string EscapeLike(string text)
    {
        var builder = new StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            if (c is '\\' or '%' or '_' or '[')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}

internal sealed class GramCount
{
    public string Gram { get; init; } = "";
    public long Subjects { get; init; }
    public long Persons { get; init; }
}

/// <summary>A subject found by name; <see cref="Tier"/> 0 exact, 1 prefix, 2 substring.</summary>
public sealed class SearchHit : SubjectRow
{
    public long Tier { get; init; }
}
