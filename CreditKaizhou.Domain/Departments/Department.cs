namespace CreditKaizhou.Domain.Departments;

/// <summary>A providing department (提供单位), e.g. SCJGJ 区市场监督管理局.</summary>
public sealed record Department(string Code, string Name, string ShortName, string? CreditCode, int SortOrder);

public interface IDepartmentRepository
{
    Task<(IReadOnlyList<Department> Items, int Total)> ListAsync(int skip, int take, CancellationToken ct);

    Task<Department?> GetAsync(string code, CancellationToken ct);

    /// <summary>Stores the department; false when its code is taken.</summary>
    Task<bool> AddAsync(Department department, DateTimeOffset at, CancellationToken ct);
}
