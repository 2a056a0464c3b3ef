using System.Data.Common;
using CreditKaizhou.Api.Infrastructure.Database;
using CreditKaizhou.Domain.Departments;
using Dapper;

namespace CreditKaizhou.Api.Features.Departments;

[SqlQueries]
internal static class DepartmentSql
{
    public const string Count = "SELECT COUNT(*) FROM departments";

    public static string List(SqlDialect d) => $"""
        SELECT code, name, short_name, credit_code, sort_order
        FROM departments
        ORDER BY sort_order, code
        {d.Page}
        """;

    public const string Get = """
        SELECT code, name, short_name, credit_code, sort_order
        FROM departments
        WHERE code = @Code
        """;

    public const string Insert = """
        INSERT INTO departments (code, name, short_name, credit_code, sort_order, created_at)
        VALUES (@Code, @Name, @ShortName, @CreditCode, @SortOrder, @CreatedAt)
        """;
}

internal sealed class DepartmentRepository(DbDataSource db, SqlDialect dialect) : IDepartmentRepository
{
    private readonly string _list = DepartmentSql.List(dialect);

    public async Task<(IReadOnlyList<Department> Items, int Total)> ListAsync(int skip, int take, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(DepartmentSql.Count, cancellationToken: ct));
        var rows = await connection.QueryAsync<DepartmentRow>(new CommandDefinition(_list, new { Skip = skip, Take = take }, cancellationToken: ct));
        return (rows.Select(r => r.ToDomain()).ToList(), total);
    }

    public async Task<Department?> GetAsync(string code, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<DepartmentRow>(new CommandDefinition(DepartmentSql.Get, new { Code = code }, cancellationToken: ct));
        return row?.ToDomain();
    }

    public async Task<bool> AddAsync(Department department, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(DepartmentSql.Insert, new
            {
                department.Code,
                department.Name,
                department.ShortName,
                department.CreditCode,
                department.SortOrder,
                CreatedAt = at,
            }, cancellationToken: ct));
            return true;
        }
        catch (DbException e) when (DbErrors.IsUniqueViolation(e))
        {
            return false;
        }
    }

    private sealed class DepartmentRow
    {
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public string ShortName { get; init; } = "";
        public string? CreditCode { get; init; }
        public long SortOrder { get; init; }

        public Department ToDomain() => new(Code, Name, ShortName, CreditCode, (int)SortOrder);
    }
}
