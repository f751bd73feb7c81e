/* test-util.h — helpers shared by the core tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "oc3-schedule.h"

/* Parses a file from tests/core/data, which every checkout has. */
static inline Oc3Conference *
test_load_data (const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("OC3_TEST_DATA"), name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  Oc3Conference *conference = oc3_schedule_load_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (conference);

  return conference;
}

/* Parses one of the team's shared fixtures, or skips the test when they are
 * not beside this checkout (a fresh clone on its own); returns NULL then. */
static inline Oc3Conference *
test_load_fixture (const char *name)
{
  g_autoptr (GError) error = NULL;
  const char *dir = g_getenv ("OC3_FIXTURES");
  g_autofree char *path = NULL;
  g_autoptr (GFile) file = NULL;
  Oc3Conference *conference;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *message =
        g_strdup_printf ("the shared fixtures are not beside this checkout: %s",
                         dir != NULL ? dir : "OC3_FIXTURES is not set");

      g_test_skip (message);
      return NULL;
    }

  path = g_build_filename (dir, name, NULL);
  file = g_file_new_for_path (path);
  conference = oc3_schedule_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (conference);

  return conference;
}

static inline gpointer
test_item (GListModel *model,
           guint       position)
{
  /* The model keeps its items alive; tests need no references of their own. */
  g_autoptr (GObject) item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);

  return item;
}

static inline guint
test_n_items (GListModel *model)
{
  return g_list_model_get_n_items (model);
}

/* Formats a date-time as ISO 8601 with its offset, for comparisons. */
static inline char *
test_iso (GDateTime *date_time)
{
  return g_date_time_format (date_time, "%Y-%m-%dT%H:%M:%S%:z");
}

#define test_assert_iso(date_time, expected) \
  G_STMT_START { \
    g_autofree char *_iso = test_iso (date_time); \
    g_assert_cmpstr (_iso, ==, expected); \
  } G_STMT_END

/* The guids of the talks in @model, joined by spaces. */
static inline char *
test_guids (GListModel *model)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      Oc3Talk *talk = test_item (model, i);

      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, oc3_talk_get_guid (talk));
    }

  return g_string_free (out, FALSE);
}

#define test_assert_guids(model, expected) \
  G_STMT_START { \
    g_autofree char *_guids = test_guids (model); \
    g_assert_cmpstr (_guids, ==, expected); \
  } G_STMT_END
