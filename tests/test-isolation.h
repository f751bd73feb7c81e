/* test-isolation.h — UI tests keep the user's data (stars, cache) in a
 * directory of their own, from before the application first looks there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

/* G_TEST_OPTION_ISOLATE_DIRS only applies inside each test case, but the
 * application reads the program (and the stars) from the moment it is
 * registered; so every directory it may use is set here, first. */
static inline void
oc3_test_isolate_user_dirs (void)
{
  g_autofree char *root = g_dir_make_tmp ("oc3-test-XXXXXX", NULL);
  const char *names[] = { "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME" };

  g_assert_nonnull (root);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *dir = g_build_filename (root, names[i], NULL);

      g_setenv (names[i], dir, TRUE);
    }
}
