namespace CtiBridge.Data;

/// <summary>
/// The data folder holds the database, signing and encryption keys: readable by the service account only.
/// Folders this process creates are 0700 and files 0600 (on Unix; Windows relies on the folder's ACL).
/// </summary>
public static class PrivateFiles
{
    /// <summary>Owner read, write, search.</summary>
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Owner read, write.</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates <paramref name="path"/> (and missing parents) 0700 when it does not exist; an existing folder is left as it is.</summary>
    public static void CreateFolder(string path)
    {
        path = Path.GetFullPath(path);
        if (Directory.Exists(path)) return;
        if (OperatingSystem.IsWindows()) { Directory.CreateDirectory(path); return; }
        var parent = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(parent) && !Directory.Exists(parent)) CreateFolder(parent);
        Directory.CreateDirectory(path, FolderMode);
    }

    /// <summary>Creates an empty <paramref name="path"/> 0600 when it does not exist, and takes group and other access from an existing one.</summary>
    public static void EnsureFile(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        if (!File.Exists(path))
        {
            try
            {
                using var _ = new FileStream(path, new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = FileMode });
            }
            catch (IOException) when (File.Exists(path)) { } // created meanwhile by another process
        }
        Restrict(path);
    }

    /// <summary>Takes group and other access from an existing file (files of older versions were 0644).</summary>
    public static void Restrict(string path)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path)) return;
        var mode = File.GetUnixFileMode(path);
        if ((mode & ~FileMode) != 0) File.SetUnixFileMode(path, mode & FileMode);
    }

    /// <summary>Writes <paramref name="contents"/> to a new or existing file that only the owner can read.</summary>
    public static void WriteAllText(string path, string contents)
    {
        CreateFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
        EnsureFile(path);
        File.WriteAllText(path, contents);
    }
}
