namespace CreditKaizhou.Domain.Clients;

/// <summary>The four roles of API.md. Stored and sent in lower case.</summary>
public enum ClientRole
{
    Admin,
    Department,
    Clerk,
    Bidding,
}

public static class ClientRoles
{
    public const string Admin = "admin";
    public const string Department = "department";
    public const string Clerk = "clerk";
    public const string Bidding = "bidding";

    public static readonly IReadOnlyList<string> All = [Admin, Department, Clerk, Bidding];

    public static string ToCode(this ClientRole role) => role switch
    {
        ClientRole.Admin => Admin,
        ClientRole.Department => Department,
        ClientRole.Clerk => Clerk,
        ClientRole.Bidding => Bidding,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static bool TryParse(string? code, out ClientRole role)
    {
        role = code switch
        {
            Admin => ClientRole.Admin,
            Department => ClientRole.Department,
            Clerk => ClientRole.Clerk,
            Bidding => ClientRole.Bidding,
            _ => (ClientRole)(-1),
        };
        return Enum.IsDefined(role);
    }
}

/// <summary>
/// A system or person calling the API with a key. Only the SHA-256 of the key is ever stored;
/// <see cref="KeyHint"/> keeps its last characters so an admin can tell keys apart.
/// </summary>
public sealed record ApiClient(
    Guid Id,
    string Name,
    ClientRole Role,
    string? DepartmentCode,
    string KeyHint,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt)
{
    public bool IsActive => RevokedAt is null;
}

public interface IApiClientRepository
{
    Task<ApiClient?> FindActiveByKeyHashAsync(string keyHash, CancellationToken ct);

    Task<ApiClient?> GetAsync(Guid id, CancellationToken ct);

    Task<(IReadOnlyList<ApiClient> Items, int Total)> ListAsync(int skip, int take, bool includeRevoked, CancellationToken ct);

    /// <summary>Stores the client; false when a client with the same key hash already exists.</summary>
    Task<bool> AddAsync(ApiClient client, string keyHash, Guid? createdBy, CancellationToken ct);

    /// <summary>Marks the client revoked at <paramref name="at"/>; false when it was unknown or already revoked.</summary>
    Task<bool> RevokeAsync(Guid id, DateTimeOffset at, Guid? revokedBy, CancellationToken ct);
}
