using NokoBot.Cli;

return await NokoBotCli.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
