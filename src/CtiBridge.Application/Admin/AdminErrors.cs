using CtiBridge.Domain.Errors;

namespace CtiBridge.Application.Admin;

internal static class AdminErrors
{
    public static CtiException NotFound(string what) => new(ErrorCodes.NotFound, $"{what} not found.", ErrorKind.NotFound);
    public static CtiException Conflict(string message) => new(ErrorCodes.Conflict, message, ErrorKind.Conflict);
    public static CtiException Forbidden(string message) => new(ErrorCodes.Forbidden, message, ErrorKind.Forbidden);
}
