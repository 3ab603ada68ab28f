using CtiBridge.Application.Contacts;

namespace CtiBridge.Api.Contacts;

public static class ContactsComposition
{
    /// <summary>Contacts: address book, CSV import/export, screen pop.</summary>
    public static IServiceCollection AddCtiContacts(this IServiceCollection services)
    {
        services.AddCtiContactsModel();
        services.AddSingleton<ScreenPopEnricher>();
        services.AddHostedService<ScreenPopWarmUp>();
        return services;
    }
}
