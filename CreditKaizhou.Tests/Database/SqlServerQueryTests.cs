using System.Reflection;
using CreditKaizhou.Api.Infrastructure.Database;

namespace CreditKaizhou.Tests.Database;

/// <summary>
/// No SQL Server runs on our machines, so every query text a repository can send to SQL Server
/// (the constants, static read-only strings and dialect-rendered methods of each <see cref="SqlQueriesAttribute"/> class)
/// is parsed with ScriptDom here.
/// </summary>
public sealed class SqlServerQueryTests
{
    public static IEnumerable<TestCaseData> Queries() =>
        typeof(SqlQueriesAttribute).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<SqlQueriesAttribute>() is not null)
            .SelectMany(t => Render(t).Select(q => new TestCaseData(q.Sql).SetArgDisplayNames($"{t.Name}.{q.Name}")));

    [TestCaseSource(nameof(Queries))]
    public void Query_RenderedForSqlServer_Parses(string sql)
    {
        var errors = TSqlSyntax.Check(sql);

        Assert.That(errors, Is.Empty, sql);
    }

    [Test]
    public void Queries_AreFoundInEveryRepository()
    {
        var classes = typeof(SqlQueriesAttribute).Assembly.GetTypes().Count(t => t.GetCustomAttribute<SqlQueriesAttribute>() is not null);

        Assert.Multiple(() =>
        {
            Assert.That(classes, Is.GreaterThanOrEqualTo(4));
            Assert.That(Queries().Count(), Is.GreaterThanOrEqualTo(20));
        });
    }

    [Test]
    public void Query_WithSqliteOnlyPaging_IsRejected()
    {
        // What the check is there to catch: LIMIT is not T-SQL.
        var errors = TSqlSyntax.Check("SELECT code FROM departments ORDER BY code LIMIT @Take OFFSET @Skip");

        Assert.That(errors, Has.Count.EqualTo(1).And.Some.StartsWith("line 1, column 44: "));
    }

    private static IEnumerable<(string Name, string Sql)> Render(Type type)
    {
        // Public members are the queries; private constants are fragments they are built from.
        const BindingFlags Static = BindingFlags.Public | BindingFlags.Static;
        foreach (var field in type.GetFields(Static).Where(f => f.FieldType == typeof(string) && (f.IsLiteral || f.IsInitOnly)))
        {
            yield return (field.Name, (string)field.GetValue(null)!);
        }

        foreach (var method in type.GetMethods(Static).Where(m => m.ReturnType == typeof(string)
                     && m.GetParameters() is [{ ParameterType: var p }] && p == typeof(SqlDialect)))
        {
            yield return (method.Name, (string)method.Invoke(null, [SqlDialect.SqlServer])!);
        }
    }
}
