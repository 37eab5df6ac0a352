using System.Reflection;
using Cisa.Crm.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace Cisa.Crm.Tests.Support;

/// <summary>Every routable page of the app, found by reflection so a new page is covered by the access tests at once.</summary>
public static class AppPages
{
    public sealed record Page(string Route, Permission? RequiredPermission, bool AllowsAnonymous);

    public static IReadOnlyList<Page> All { get; } = typeof(Program).Assembly.GetTypes()
        .Where(type => typeof(IComponent).IsAssignableFrom(type))
        .SelectMany(type => type.GetCustomAttributes<RouteAttribute>().Select(route => (type, route.Template)))
        .Where(page => !page.Template.Contains('{', StringComparison.Ordinal))
        .Select(page => new Page(
            page.Template,
            page.type.GetCustomAttributes<AuthorizeAttribute>().Select(a => a.Policy).FirstOrDefault(p => p is not null) is { } policy
                ? Enum.Parse<Permission>(policy)
                : null,
            page.type.GetCustomAttribute<AllowAnonymousAttribute>() is not null))
        .OrderBy(page => page.Route, StringComparer.Ordinal)
        .ToList();

    public static IEnumerable<object[]> Protected => All.Where(p => !p.AllowsAnonymous).Select(p => new object[] { p.Route });
}
