using HealthTwin.Samples.Console;

// The README's "run" command: a 30-day synthetic history, ten local agents, the file-system store, no AWS account.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return args.Length > 0 && args[0] == "import"
    ? await ImportCommand.RunAsync(args[1..], Console.Out, Console.Error, cancel.Token)
    : await ConsoleApp.RunAsync(args, Console.Out, Console.Error, cancel.Token);
