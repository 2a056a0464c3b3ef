using CreditKaizhou.Api.Infrastructure.Auth;
using CreditKaizhou.Api.Infrastructure.Localization;
using CreditKaizhou.Api.Infrastructure.Paging;
using CreditKaizhou.Api.Infrastructure.Problems;
using CreditKaizhou.Api.Infrastructure.Validation;
using CreditKaizhou.Domain.Departments;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CreditKaizhou.Api.Features.Departments;

public static class DepartmentEndpoints
{
    public static IEndpointRouteBuilder MapDepartments(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/departments").WithTags("Departments").WithValidation();
        group.MapGet("/", ListDepartments).WithName(nameof(ListDepartments));
        group.MapGet("/{code}", GetDepartment).WithName(nameof(GetDepartment)).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateDepartment).WithName(nameof(CreateDepartment)).ProducesProblem(StatusCodes.Status409Conflict).RequireAuthorization(Policies.Admin);
        return app;
    }

    public static async Task<Ok<PagedResponse<DepartmentResponse>>> ListDepartments(
        [AsParameters] PageRequest paging, IDepartmentRepository departments, CancellationToken ct)
    {
        var (items, total) = await departments.ListAsync(paging.Skip, paging.EffectivePageSize, ct);
        return TypedResults.Ok(paging.Respond(items.Select(DepartmentResponse.From).ToList(), total));
    }

    public static async Task<Results<Ok<DepartmentResponse>, ProblemHttpResult>> GetDepartment(
        string code, IDepartmentRepository departments, CancellationToken ct) =>
        await departments.GetAsync(code, ct) is { } department
            ? TypedResults.Ok(DepartmentResponse.From(department))
            : NotFound(code);

    public static async Task<Results<Created<DepartmentResponse>, ProblemHttpResult>> CreateDepartment(
        CreateDepartmentRequest request, IDepartmentRepository departments, TimeProvider clock, CancellationToken ct)
    {
        var department = new Department(request.Code!, request.Name!.Trim(), (request.ShortName ?? request.Name).Trim(),
            request.CreditCode, request.SortOrder ?? 0);
        if (!await departments.AddAsync(department, clock.GetUtcNow(), ct))
        {
            return ProblemDetailsExtensions.Problem(StatusCodes.Status409Conflict,
                Text.T($"部门代码 {request.Code} 已存在。", $"The department code {request.Code} already exists."), ProblemTypes.Conflict);
        }

        return TypedResults.Created($"/api/v1/departments/{department.Code}", DepartmentResponse.From(department));
    }

    private static ProblemHttpResult NotFound(string code) => ProblemDetailsExtensions.Problem(StatusCodes.Status404NotFound,
        Text.T($"没有代码为 {code} 的部门。", $"There is no department with code {code}."), ProblemTypes.NotFound);
}

public sealed record DepartmentResponse(string Code, string Name, string ShortName, string? CreditCode)
{
    public static DepartmentResponse From(Department d) => new(d.Code, d.Name, d.ShortName, d.CreditCode);
}
