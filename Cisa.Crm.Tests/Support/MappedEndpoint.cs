using System.Reflection;
using Cisa.Crm.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace Cisa.Crm.Tests.Support;

/// <summary>
/// Every endpoint the running app maps, read from its <see cref="EndpointDataSource"/> (so a new page, download or form is
/// covered the moment it is mapped), with what a caller can put in it: the route's parameters, the query and form values its
/// handler or page binds, its methods, and the permissions it demands.
/// </summary>
public sealed record MappedEndpoint(
    RoutePattern Pattern,
    IReadOnlyList<string> Methods,
    IReadOnlyList<string> QueryNames,
    IReadOnlyList<string> FormNames,
    IReadOnlyList<Permission> Permissions,
    bool AllowsAnonymous,
    bool IsStaticAsset)
{
    public string Route => Pattern.RawText ?? "/";

    public static IReadOnlyList<MappedEndpoint> In(IServiceProvider services) => services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .Select(Describe)
        .ToList();

    /// <summary>Whether <paramref name="actor"/> (null: nobody signed in) gets past this endpoint's authorization.</summary>
    public bool Admits(CrmActor? actor) => AllowsAnonymous || (actor is not null && Permissions.All(actor.Has));

    /// <summary>The address with each route parameter replaced: <paramref name="hostile"/> for the one named, "1" for the others.</summary>
    public string Path(string? parameter = null, string? hostile = null) =>
        "/" + string.Join('/', Pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart p => p.Name == parameter ? hostile : "1",
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        }))));

    private static MappedEndpoint Describe(RouteEndpoint endpoint)
    {
        var metadata = endpoint.Metadata;
        var methods = metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToList() ?? [HttpMethods.Get];
        var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var query = new List<string>();
        var form = new List<string>();

        if (metadata.GetMetadata<MethodInfo>() is { } handler)
        {
            foreach (var parameter in handler.GetParameters().Where(p => IsSimple(p.ParameterType) && !routeNames.Contains(p.Name!)))
            {
                if (parameter.GetCustomAttribute<FromFormAttribute>() is { } fromForm)
                {
                    form.Add(fromForm.Name ?? parameter.Name!);
                }
                else if (parameter.GetCustomAttribute<FromServicesAttribute>() is null && parameter.GetCustomAttribute<FromHeaderAttribute>() is null)
                {
                    query.Add(parameter.GetCustomAttribute<FromQueryAttribute>()?.Name ?? parameter.Name!);
                }
            }
        }

        if (metadata.GetMetadata<ComponentTypeMetadata>() is { } page)
        {
            query.AddRange(page.Type.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .Select(p => (p.Name, Attribute: p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
                .Where(p => p.Attribute is not null)
                .Select(p => p.Attribute!.Name ?? p.Name));
        }

        var permissions = metadata.GetOrderedMetadata<IAuthorizeData>()
            .Select(a => Enum.TryParse<Permission>(a.Policy, out var permission) ? permission : (Permission?)null)
            .OfType<Permission>()
            .ToList();
        return new MappedEndpoint(endpoint.RoutePattern, methods, query.Distinct().ToList(), form.Distinct().ToList(), permissions,
            metadata.GetMetadata<IAllowAnonymous>() is not null, metadata.GetMetadata<StaticAssetDescriptor>() is not null);
    }

    private static bool IsSimple(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(decimal)
            || underlying == typeof(DateOnly) || underlying == typeof(DateTime) || underlying == typeof(DateTimeOffset) || underlying == typeof(Guid);
    }
}
