using Microsoft.AspNetCore.Localization;

namespace CreditKaizhou.Api.Infrastructure.Localization;

public static class LocalizationExtensions
{
    private static readonly string[] SupportedCultures = ["zh-CN", "en"];

    public static IServiceCollection AddApiLocalization(this IServiceCollection services) =>
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture("zh-CN");
            options.AddSupportedCultures(SupportedCultures);
            options.AddSupportedUICultures(SupportedCultures);
            options.ApplyCurrentCultureToResponseHeaders = true;
            // Only the Accept-Language header decides; no query-string or cookie switches.
            options.RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()];
        });
}
