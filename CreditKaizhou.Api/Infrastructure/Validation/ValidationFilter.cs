using System.Reflection;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;

namespace CreditKaizhou.Api.Infrastructure.Validation;

/// <summary>
/// Validates every handler argument that has an <see cref="IValidator{T}"/>. Which arguments
/// those are is worked out once per endpoint; per request only the validators run. Errors come
/// back keyed by JSON path: <c>$.field</c> for body members, the plain name for query values.
/// </summary>
public static class ValidationFilter
{
    public static TBuilder WithValidation<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            // Documents the 400 in OpenAPI for the endpoints that do validate something.
            if (endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault() is { } method
                && FindTargets(method, endpoint.ApplicationServices).Length > 0)
            {
                endpoint.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest,
                    typeof(HttpValidationProblemDetails), ["application/problem+json"]));
            }
        });
        builder.AddEndpointFilterFactory(Create);
        return builder;
    }

    /// <summary>For handlers that must complete a request (e.g. from the route) before validating it.</summary>
    public static async Task<ValidationProblem?> ValidateAsync<T>(IValidator<T> validator, T value, CancellationToken ct)
    {
        var errors = new Dictionary<string, List<string>>();
        Collect(await validator.ValidateAsync(value, ct), isBody: true, errors);
        return errors.Count == 0 ? null : TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    private static Target[] FindTargets(MethodInfo method, IServiceProvider services)
    {
        var isService = services.GetRequiredService<IServiceProviderIsService>();
        return method.GetParameters()
            .Select((parameter, index) => (parameter, index, validator: typeof(IValidator<>).MakeGenericType(parameter.ParameterType)))
            .Where(p => isService.IsService(p.validator))
            .Select(p => new Target(p.index, p.validator, IsBody(p.parameter)))
            .ToArray();
    }

    private static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var targets = FindTargets(context.MethodInfo, context.ApplicationServices);
        if (targets.Length == 0)
        {
            return next;
        }

        return async invocation =>
        {
            var errors = new Dictionary<string, List<string>>();
            foreach (var target in targets)
            {
                if (invocation.Arguments[target.Index] is not { } argument)
                {
                    continue;
                }

                var validator = (IValidator)invocation.HttpContext.RequestServices.GetRequiredService(target.ValidatorType);
                var result = await validator.ValidateAsync(new ValidationContext<object>(argument), invocation.HttpContext.RequestAborted);
                Collect(result, target.IsBody, errors);
            }

            return errors.Count == 0
                ? await next(invocation)
                : TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        };
    }

    private static void Collect(ValidationResult result, bool isBody, Dictionary<string, List<string>> errors)
    {
        foreach (var failure in result.Errors)
        {
            var path = JsonPath.FromPropertyPath(failure.PropertyName, isBody);
            if (!errors.TryGetValue(path, out var messages))
            {
                errors[path] = messages = [];
            }

            messages.Add(failure.ErrorMessage);
        }
    }

    private static bool IsBody(ParameterInfo parameter) =>
        parameter.GetCustomAttribute<AsParametersAttribute>() is null
        && parameter.GetCustomAttribute<Microsoft.AspNetCore.Mvc.FromQueryAttribute>() is null
        && parameter.GetCustomAttribute<Microsoft.AspNetCore.Mvc.FromRouteAttribute>() is null;

    private sealed record Target(int Index, Type ValidatorType, bool IsBody);
}

/// <summary>Turns FluentValidation's property paths (<c>Requester.IdNumber</c>, <c>Items[0].Code</c>) into JSON paths.</summary>
public static class JsonPath
{
    public static string FromPropertyPath(string propertyPath, bool isBody)
    {
        var camel = string.Join('.', propertyPath.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(Camel));
        return isBody ? (camel.Length == 0 ? "$" : "$." + camel) : camel;
    }

    private static string Camel(string segment) =>
        segment.Length == 0 || char.IsLower(segment[0]) ? segment : char.ToLowerInvariant(segment[0]) + segment[1..];
}
