using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Cisa.Crm.Core.Data;

/// <summary>Stores DateTime as given (UTC by convention) and reads it back with <see cref="DateTimeKind.Utc"/>.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    toDb => toDb.Kind == DateTimeKind.Local ? toDb.ToUniversalTime() : toDb,
    fromDb => DateTime.SpecifyKind(fromDb, DateTimeKind.Utc));
