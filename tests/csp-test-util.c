/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#ifdef __linux__
#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <unistd.h>
#endif

#include "csp-test-util.h"

void
csp_test_remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

      csp_test_remove_tree (child);
      g_object_unref (info);
    }
  g_file_delete (file, NULL, NULL);
}

void
csp_test_remove_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  csp_test_remove_tree (file);
}

gboolean
csp_test_set_read_only (const char *path,
                        gboolean    read_only)
{
  g_chmod (path, read_only ? 0500 : 0700);

#ifdef __linux__
  if (geteuid () != 0)
    return TRUE;

  {
    int fd = open (path, O_RDONLY | O_DIRECTORY);
    int flags = 0;
    gboolean ok;

    if (fd < 0)
      return FALSE;
    ok = ioctl (fd, FS_IOC_GETFLAGS, &flags) == 0;
    flags = read_only ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
    ok = ok && ioctl (fd, FS_IOC_SETFLAGS, &flags) == 0;
    close (fd);
    return ok;
  }
#else
  return FALSE;
#endif
}

void
csp_test_keep_result (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GAsyncResult **kept = user_data;

  g_assert_null (*kept);
  *kept = g_object_ref (result);
}

void
csp_test_wait_for_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}
