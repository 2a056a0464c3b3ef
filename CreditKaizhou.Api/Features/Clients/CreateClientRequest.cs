using CreditKaizhou.Api.Infrastructure.Localization;
using CreditKaizhou.Domain.Clients;
using CreditKaizhou.Domain.Departments;
using FluentValidation;

namespace CreditKaizhou.Api.Features.Clients;

public sealed record CreateClientRequest(string? Name, string? Role, string? DepartmentCode);

public sealed class CreateClientRequestValidator : AbstractValidator<CreateClientRequest>
{
    public CreateClientRequestValidator(IServiceScopeFactory scopes)
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
        RuleFor(x => x.Role).NotEmpty().Must(role => ClientRoles.TryParse(role, out _))
            .WithMessage(x => Text.T($"角色必须是 {string.Join("、", ClientRoles.All)} 之一，实际为 '{x.Role}'。",
                $"The role must be one of {string.Join(", ", ClientRoles.All)}; got '{x.Role}'."));
        RuleFor(x => x.DepartmentCode).NotEmpty().When(x => x.Role == ClientRoles.Department)
            .WithMessage(_ => Text.T("部门角色的客户端必须指定部门代码。", "A department client must name its department code."));
        RuleFor(x => x.DepartmentCode).Empty().When(x => x.Role != ClientRoles.Department)
            .WithMessage(x => Text.T($"只有部门角色的客户端可以指定部门代码。", "Only a department client names a department code."));
        RuleFor(x => x.DepartmentCode).MustAsync(async (code, ct) =>
            {
                await using var scope = scopes.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<IDepartmentRepository>().GetAsync(code!, ct) is not null;
            })
            .When(x => x.Role == ClientRoles.Department && !string.IsNullOrEmpty(x.DepartmentCode))
            .WithMessage(x => Text.T($"没有代码为 {x.DepartmentCode} 的部门。", $"There is no department with code {x.DepartmentCode}."));
    }
}
