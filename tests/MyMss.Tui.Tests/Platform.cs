// These tests drive real processes, tmux and Unix file modes: they run on Linux.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
