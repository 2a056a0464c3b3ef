using System.Globalization;
using System.Security.Claims;
using CreditKaizhou.Api.Infrastructure.Auth;
using CreditKaizhou.Api.Infrastructure.Localization;
using CreditKaizhou.Api.Infrastructure.Problems;
using CreditKaizhou.Api.Infrastructure.Time;
using CreditKaizhou.Api.Infrastructure.Validation;
using CreditKaizhou.Domain.Identifiers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CreditKaizhou.Api.Features.Identifiers;

/// <summary>Checking identifiers before submitting them, and the admin's list of known checksum exceptions.</summary>
public static class IdentifierEndpoints
{
    public static IEndpointRouteBuilder MapIdentifiers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/identifiers").WithTags("Identifiers").WithValidation();
        group.MapGet("/validate", ValidateIdentifier).WithName(nameof(ValidateIdentifier));

        var exceptions = group.MapGroup("/exceptions").RequireAuthorization(Policies.Admin);
        exceptions.MapGet("/", ListCodeExceptions).WithName(nameof(ListCodeExceptions));
        exceptions.MapPost("/", AddCodeException).WithName(nameof(AddCodeException)).ProducesProblem(StatusCodes.Status409Conflict);
        exceptions.MapDelete("/{code}", RemoveCodeException).WithName(nameof(RemoveCodeException)).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>
    /// Says whether a code is valid and, if not, exactly what is wrong. The answer never echoes a
    /// resident ID number back beyond its masked form.
    /// </summary>
    public static async Task<Ok<IdentifierValidationResponse>> ValidateIdentifier(
        [AsParameters] ValidateIdentifierRequest request, KnownCodeExceptions exceptions, TimeProvider clock, CancellationToken ct)
    {
        var culture = CultureInfo.CurrentUICulture;
        if (request.Type == IdentifierTypes.ResidentId)
        {
            var id = ResidentIdNumber.Validate(request.Code, clock.Today());
            return TypedResults.Ok(new IdentifierValidationResponse(id.Number?.Mask(), IdentifierTypes.ResidentId, id.IsValid, false,
                id.Problems.Select(p => new IdentifierProblemResponse(p.Kind.ToString(), p.Position, p.Describe(culture))).ToList()));
        }

        var uscc = UnifiedSocialCreditCode.Validate(request.Code);
        var excepted = !uscc.IsValid && uscc.HasOnlyChecksumProblems
            && await exceptions.ContainsAsync(uscc.CodeIgnoringChecksums!.Value, ct);
        return TypedResults.Ok(new IdentifierValidationResponse(request.Code?.Trim(), IdentifierTypes.Uscc, uscc.IsValid || excepted, excepted,
            uscc.Problems.Select(p => new IdentifierProblemResponse(p.Kind.ToString(), p.Position, p.Describe(culture))).ToList()));
    }

    public static async Task<Ok<IReadOnlyList<CodeExceptionResponse>>> ListCodeExceptions(ICodeExceptionRepository repository, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<CodeExceptionResponse>>((await repository.ListAsync(ct)).Select(CodeExceptionResponse.From).ToList());

    public static async Task<Results<Created<CodeExceptionResponse>, ProblemHttpResult>> AddCodeException(
        AddCodeExceptionRequest request, ICodeExceptionRepository repository, KnownCodeExceptions cache, TimeProvider clock,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var exception = new CodeException(request.Code!.Trim(), request.Reason!.Trim(), clock.GetUtcNow());
        if (!await repository.AddAsync(exception, user.ClientId(), ct))
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status409Conflict,
                Text.T($"代码 {exception.Code} 已在例外名单中。", $"The code {exception.Code} is already on the exception list."), ProblemTypes.Conflict);
        }

        cache.Invalidate();
        return TypedResults.Created($"/api/v1/identifiers/exceptions/{exception.Code}", CodeExceptionResponse.From(exception));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveCodeException(
        string code, ICodeExceptionRepository repository, KnownCodeExceptions cache, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!await repository.RemoveAsync(code, clock.GetUtcNow(), user.ClientId(), ct))
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status404NotFound,
                Text.T($"代码 {code} 不在例外名单中。", $"The code {code} is not on the exception list."), ProblemTypes.NotFound);
        }

        cache.Invalidate();
        return TypedResults.NoContent();
    }
}

public static class IdentifierTypes
{
    public const string Uscc = "uscc";
    public const string ResidentId = "resident-id";
}

public sealed record IdentifierValidationResponse(string? Code, string Type, bool Valid, bool AcceptedAsKnownException,
    IReadOnlyList<IdentifierProblemResponse> Problems);

public sealed record IdentifierProblemResponse(string Kind, int? Position, string Message);

public sealed record CodeExceptionResponse(string Code, string Reason, DateTimeOffset CreatedAt)
{
    public static CodeExceptionResponse From(CodeException e) => new(e.Code, e.Reason, e.CreatedAt);
}
