using Cisa.Crm.Web.Authentication;
using Cisa.Crm.Web.Retention;
using Cisa.Crm.Web.Setup;

var builder = WebApplication.CreateBuilder(args);

builder.AddCrmCore();
builder.AddCrmAuthentication();
builder.AddCrmWeb();
builder.AddCrmRetention();

var app = builder.Build();

await app.InitializeCrmDatabaseAsync();
app.UseCrmPipeline();
app.MapCrmEndpoints();

await app.RunAsync();

/// <summary>Entry point; public so <c>WebApplicationFactory&lt;Program&gt;</c> can start the app in tests.</summary>
public partial class Program;
