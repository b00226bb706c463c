using FormalExpressivity.Cli;
using FormalExpressivity.Cli.Infrastructure;

return LastResort.Run(() => FexApp.Run(args, Console.Out, Console.Error), Console.Error);
