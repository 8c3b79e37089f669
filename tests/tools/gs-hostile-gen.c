/* gs-hostile-gen.c — writes the large files of the hostile corpus.
 *
 * Some attacks of issue 11 need files of megabytes (an element with
 * 200,000 attributes; 20,000 people and 20,000 matters); rather than keep
 * them in the repository, the hostile test writes them into the build tree
 * with this program, each opening with the same "expect:" comment as the
 * files of tests/data/hostile/.
 *
 *   gs-hostile-gen DIR
 */
#include <glib.h>

#include <stdio.h>

static const char header[]
    = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<!-- expect: %s -->\n"
      "<scenario xmlns=\"urn:govsim:scenario:1\" name=\"Hostile\" "
      "start=\"2024-01-01\" horizon=\"P1Y\"%s>\n"
      "  <organisation id=\"trust\" name=\"A Trust\" kind=\"nhs-trust\"/>\n";

static FILE *
open_in (const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  FILE *f = fopen (path, "w");
  if (f == NULL)
    {
      perror (path);
      exit (1);
    }
  return f;
}

static void
finish (FILE *f)
{
  if (fclose (f) != 0)
    {
      perror ("gs-hostile-gen");
      exit (1);
    }
}

int
main (int argc, char **argv)
{
  if (argc != 2)
    {
      fprintf (stderr, "usage: gs-hostile-gen DIR\n");
      return 2;
    }
  const char *dir = argv[1];

  /* Issue 11: one element with 200,000 attributes kept libxml2 busy for
   * minutes (its duplicate check is quadratic). */
  FILE *f = open_in (dir, "attributes-200000.xml");
  fprintf (f, header,
           "check 2, run 2. One element with 200,000 attributes: refused by "
           "the pre-scan (GS_LIMIT_XML_ATTRIBUTES) before libxml2 parses it",
           "");
  fputs ("  <person id=\"p\" org=\"trust\" role=\"ned\"", f);
  for (int i = 0; i < 200000; i++)
    fprintf (f, " a%d=\"1\"", i);
  fputs ("/>\n</scenario>\n", f);
  finish (f);

  /* Issue 11: 20,000 people and 20,000 matters aborted in the loader (a
   * dense table of stances); stances are now sparse. */
  f = open_in (dir, "people-20000-matters-20000.xml");
  fprintf (f, header,
           "check 0, run 0. 20,000 people and 20,000 matters, with a stance "
           "for each person: the loader keeps stances sparse",
           "");
  for (int i = 0; i < 20000; i++)
    fprintf (f, "  <person id=\"p%d\" org=\"trust\" role=\"ned\"/>\n", i);
  for (int i = 0; i < 20000; i++)
    fprintf (f, "  <matter id=\"m%d\" name=\"M\"/>\n", i);
  fputs ("  <board id=\"board\" name=\"Board\" org=\"trust\">\n"
         "    <member person=\"p0\"/>\n"
         "    <meets first=\"2024-01-01\" every=\"P1M\" capacity=\"4\"/>\n"
         "  </board>\n",
         f);
  for (int i = 0; i < 20000; i++)
    fprintf (f, "  <stance person=\"p%d\" matter=\"m%d\" support=\"0.5\"/>\n",
             i, 19999 - i);
  fputs ("</scenario>\n", f);
  finish (f);

  /* Nesting 100,000 deep (unknown elements, so only the pre-scan's depth
   * cap stands between them and the parser's recursion). */
  f = open_in (dir, "depth-100000.xml");
  fprintf (f, header,
           "check 2, run 2. Elements nested 100,000 deep: refused by the "
           "pre-scan (GS_LIMIT_XML_DEPTH)",
           "");
  for (int i = 0; i < 100000; i++)
    fputs ("<x>", f);
  for (int i = 0; i < 100000; i++)
    fputs ("</x>", f);
  fputs ("</scenario>\n", f);
  finish (f);

  /* 1,000,000 empty elements in 4 MB: refused by GS_LIMIT_XML_ELEMENTS
   * before a tree of them is built. */
  f = open_in (dir, "elements-1000000.xml");
  fprintf (f, header,
           "check 2, run 2. A million empty elements: refused by the "
           "pre-scan (GS_LIMIT_XML_ELEMENTS)",
           "");
  for (int i = 0; i < 1000000; i++)
    fputs ("<x/>", f);
  fputs ("</scenario>\n", f);
  finish (f);

  /* One attribute value of 10 MB. */
  f = open_in (dir, "attribute-10-mb.xml");
  fprintf (f, header,
           "check 2, run 2. An attribute value of 10 MB: refused by the "
           "pre-scan (GS_LIMIT_XML_ATTRIBUTE_LENGTH)",
           "");
  fputs ("  <matter id=\"m\" name=\"", f);
  for (int i = 0; i < 10 * 1024 * 1024 / 8; i++)
    fputs ("abcdefgh", f);
  fputs ("\"/>\n</scenario>\n", f);
  finish (f);

  /* 30 MB of nothing in particular: refused by the file size cap. */
  f = open_in (dir, "file-30-mb.xml");
  fprintf (f, header,
           "check 2, run 2. A file of 30 MB: refused by the size cap "
           "(GS_LIMIT_FILE_BYTES) after reading at most 16 MiB of it",
           "");
  for (int i = 0; i < 30 * 1024 * 1024 / 64; i++)
    fputs ("<!-- padding padding padding padding padding padding pad -->\n", f);
  fputs ("</scenario>\n", f);
  finish (f);
  return 0;
}
