using Matcher.Enrollment.WarmStart;
using Matcher.Sealing;
using Matcher.Server.Hosting;
using Matcher.Storage.Log;

var builder = WebApplication.CreateBuilder(args);
builder.AddMatcherServer();
var app = builder.Build();
try
{
    app.MapMatcherServer();
}
catch (Exception refused) when (refused is WarmStartRefusedException or SealingException or LogCorruptedException)
{
    // A refusal to start is an operator's matter, not a crash: one clear line and an ordinary failure exit code.
    app.Logger.LogCritical("The server refuses to start: {Reason}", refused.Message);
    return 1;
}
app.Run();
return 0;

/// <summary>Entry point, visible to the integration tests that start the real server.</summary>
public partial class Program;
