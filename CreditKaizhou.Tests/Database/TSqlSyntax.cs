using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CreditKaizhou.Tests.Database;

/// <summary>
/// Parses T-SQL with ScriptDom. No SQL Server runs on our machines, so this is how migration
/// scripts and repository query texts are known to be valid SQL Server syntax before they meet
/// a real server.
/// </summary>
public static class TSqlSyntax
{
    /// <summary>Returns one description per parse error; empty when <paramref name="sql"/> parses.</summary>
    /// <remarks>
    /// Each description reads "line L, column C: message (error N)". The message follows the UI
    /// culture (ScriptDom ships zh-Hans resources), so tests should match on line, column and number.
    /// </remarks>
    public static IReadOnlyList<string> Check(string sql)
    {
        Parse(sql, out var errors);
        return errors;
    }

    /// <summary>Parses <paramref name="sql"/> and returns the script, for tests that inspect its shape.</summary>
    public static TSqlScript Parse(string sql, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var parser = new TSql170Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var fragment = parser.Parse(reader, out var parseErrors);
        errors = [.. parseErrors.Select(Describe)];
        // With errors ScriptDom may return null or a partial fragment; callers check errors first.
        return fragment as TSqlScript ?? new TSqlScript();
    }

    private static string Describe(ParseError error) =>
        $"line {error.Line}, column {error.Column}: {error.Message} (error {error.Number})";
}
