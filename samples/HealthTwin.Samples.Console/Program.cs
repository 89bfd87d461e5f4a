using HealthTwin.Samples.Console;

// The README's "run" command: a 30-day synthetic history, ten local agents, the file-system store, no AWS account.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await ConsoleApp.RunAsync(args, Console.Out, Console.Error, cancel.Token);
