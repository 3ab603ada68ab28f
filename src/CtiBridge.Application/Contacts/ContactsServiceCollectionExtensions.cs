using Microsoft.Extensions.DependencyInjection;

namespace CtiBridge.Application.Contacts;

public static class ContactsServiceCollectionExtensions
{
    /// <summary>Contacts: the address book, its CSV import/export and the screen pop lookup.</summary>
    public static IServiceCollection AddCtiContactsModel(this IServiceCollection services)
    {
        services.AddScoped<ContactBook>();
        services.AddScoped<ContactCsv>();
        services.AddScoped<ScreenPopLookup>();
        return services;
    }
}
