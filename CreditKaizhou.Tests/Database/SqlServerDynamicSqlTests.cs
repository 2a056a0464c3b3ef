using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CreditKaizhou.Tests.Database;

/// <summary>
/// Statements that must begin a batch (CREATE TRIGGER) reach a one-batch migration as <c>EXEC (N'…')</c>; ScriptDom
/// sees only a string there, so the text inside each such EXEC is parsed on its own here.
/// </summary>
public sealed class SqlServerDynamicSqlTests
{
    private static IEnumerable<TestCaseData> DynamicStatements() =>
        MigrationFiles.In("sqlserver").SelectMany(file => Executed(File.ReadAllText(MigrationFiles.FullPath(file)))
            .Select((sql, i) => new TestCaseData(sql).SetArgDisplayNames($"{file} #{i + 1}")));

    [TestCaseSource(nameof(DynamicStatements))]
    public void Parse_TextOfEveryExecInAMigration_HasNoSyntaxErrors(string sql)
    {
        var errors = TSqlSyntax.Check(sql);

        Assert.That(errors, Is.Empty, sql);
    }

    [Test]
    public void Executed_FindsTheTriggersOfTheSearchIndex()
    {
        var texts = Executed(File.ReadAllText(MigrationFiles.FullPath("sqlserver/0003_add_subject_search.sql")));

        Assert.That(texts, Has.Count.EqualTo(2).And.All.Contains("CREATE TRIGGER"));
    }

    [Test]
    public void Check_BrokenTriggerText_IsReported()
    {
        var texts = Executed("EXEC (N'CREATE TRIGGER dbo.t ON dbo.x AFTER INSERT AS BEGIN SELEC 1 END');");

        Assert.That(TSqlSyntax.Check(texts.Single()), Is.Not.Empty);
    }

    private static List<string> Executed(string script)
    {
        var parsed = TSqlSyntax.Parse(script, out var errors);
        Assume.That(errors, Is.Empty, "syntax errors of the script itself are reported by SqlServerScriptTests");
        var finder = new ExecFinder();
        parsed.Accept(finder);
        return finder.Texts;
    }

    private sealed class ExecFinder : TSqlFragmentVisitor
    {
        public List<string> Texts { get; } = [];

        public override void Visit(ExecutableStringList node) =>
            Texts.Add(string.Concat(node.Strings.OfType<StringLiteral>().Select(s => s.Value)));
    }
}
