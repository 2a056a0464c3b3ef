namespace CreditKaizhou.Api.Infrastructure.Database;

/// <summary>
/// Marks a static class that holds a repository's SQL: its public <c>const</c> and <c>static readonly</c> string fields and its
/// static methods taking a <see cref="SqlDialect"/> and returning a string are every query text
/// the repository can run. The test suite renders them all for SQL Server and parses them with
/// ScriptDom, since no SQL Server runs on our build machines.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SqlQueriesAttribute : Attribute;
