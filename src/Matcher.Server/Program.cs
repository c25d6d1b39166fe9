using Matcher.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddMatcherServer();
var app = builder.Build();
app.MapMatcherServer();
app.Run();

/// <summary>Entry point, visible to the integration tests that start the real server.</summary>
public partial class Program;
