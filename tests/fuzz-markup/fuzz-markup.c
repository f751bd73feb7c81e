/* fuzz-markup.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target: whatever the bytes, the three converters must return
 * markup that a GtkLabel accepts (see markup-check.c), and only http(s)
 * links, each once.
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "oc3-markup.h"
#include "markup-check.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check (const char *what,
       const char *input,
       const char *markup)
{
  g_autoptr(GError) error = NULL;

  if (!oc3_check_label_markup (markup, &error))
    {
      g_printerr ("%s: %s\ninput: %s\nmarkup: %s\n", what, error->message, input, markup);
      abort ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* The API takes C strings: a NUL ends the text there, as it would. */
  g_autofree char *input = g_strndup ((const char *) data, size);
  g_autofree char *program = oc3_markup_from_program_text (input);
  g_autofree char *title = oc3_markup_escape_plain (input);
  g_autoptr(GPtrArray) links = oc3_markup_extract_links (input);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  check ("program text", input, program);
  check ("title", input, title);

  for (guint i = 0; i < links->len; i++)
    {
      const char *link = g_ptr_array_index (links, i);

      if ((g_ascii_strncasecmp (link, "http://", 7) != 0 &&
           g_ascii_strncasecmp (link, "https://", 8) != 0) ||
          !g_utf8_validate (link, -1, NULL) ||
          !g_hash_table_add (seen, (gpointer) link))
        {
          g_printerr ("bad or repeated link: %s\ninput: %s\n", link, input);
          abort ();
        }
    }

  return 0;
}
