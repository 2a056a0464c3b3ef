using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CreditKaizhou.Tests.Database;

public sealed class SqlServerScriptTests
{
    private static IEnumerable<TestCaseData> SqlServerScripts() =>
        MigrationFiles.In("sqlserver").Select(file => new TestCaseData(file).SetArgDisplayNames(file));

    [TestCaseSource(nameof(SqlServerScripts))]
    public void Parse_MigrationScript_HasNoSyntaxErrors(string file)
    {
        var errors = TSqlSyntax.Check(File.ReadAllText(MigrationFiles.FullPath(file)));

        Assert.That(errors, Is.Empty,
            () => string.Join(Environment.NewLine, errors.Select(error => $"db/{file}: {error}")));
    }

    [TestCaseSource(nameof(SqlServerScripts))]
    public void Parse_MigrationScript_IsOneBatchWithoutTransactionControl(string file)
    {
        var script = TSqlSyntax.Parse(File.ReadAllText(MigrationFiles.FullPath(file)), out var errors);
        Assume.That(errors, Is.Empty, "syntax errors are reported by Parse_MigrationScript_HasNoSyntaxErrors");

        var problems = ShapeProblems(script);

        Assert.That(problems, Is.Empty,
            () => string.Join(Environment.NewLine, problems.Select(problem => $"db/{file}: {problem}")));
    }

    [TestCase("CREATE TABLE x (id int,, name nvarchar(10))", 1, 24)]
    [TestCase("CREATE TABLE dbo.x (\n    id int NOT NULL,\n    name nvarchar(10) NOT NULL DEFALUT N''\n);", 3, 32)]
    public void Check_BrokenScript_ReportsTheErrorAtItsLineAndColumn(string sql, int line, int column)
    {
        var errors = TSqlSyntax.Check(sql);

        // 46010 is "Incorrect syntax near ..."; the message text itself depends on the UI culture.
        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0], Does.StartWith($"line {line}, column {column}: ").And.EndWith("(error 46010)"));
    }

    [Test]
    public void ShapeProblems_ScriptWithGoAndTransactionControl_ReportsEach()
    {
        const string sql = """
            BEGIN TRANSACTION;
            CREATE TABLE dbo.x (id int NOT NULL);
            GO
            CREATE INDEX ix_x_id ON dbo.x (id);
            COMMIT;
            """;
        var script = TSqlSyntax.Parse(sql, out var errors);
        Assume.That(errors, Is.Empty);

        var problems = ShapeProblems(script);

        Assert.That(problems, Has.Count.EqualTo(3));
        Assert.That(problems[0], Does.StartWith("2 batches"));
        Assert.That(problems[1], Does.StartWith("line 1, column 1: BeginTransactionStatement"));
        Assert.That(problems[2], Does.StartWith("line 5, column 1: CommitTransactionStatement"));
    }

    /// <summary>
    /// DbUp runs each migration inside its own transaction: a second batch (GO) would be split off
    /// and a BEGIN/COMMIT/ROLLBACK in the script would fight that transaction.
    /// </summary>
    private static List<string> ShapeProblems(TSqlScript script)
    {
        var problems = new List<string>();
        if (script.Batches.Count != 1)
        {
            problems.Add($"{script.Batches.Count} batches; a migration must be one batch (no GO)");
        }

        var finder = new TransactionStatementFinder();
        script.Accept(finder);
        problems.AddRange(finder.Found.Select(statement =>
            $"line {statement.StartLine}, column {statement.StartColumn}: {statement.GetType().Name}; " +
            "DbUp supplies the transaction"));
        return problems;
    }

    private sealed class TransactionStatementFinder : TSqlFragmentVisitor
    {
        public List<TransactionStatement> Found { get; } = [];

        public override void Visit(TransactionStatement node) => Found.Add(node);
    }
}
