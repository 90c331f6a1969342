/* print.c — printing through CUPS' commands (print.h). */
#include "print.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* Runs argv[0] from PATH with `in` on its stdin (NULL: nothing) and its
 * stdout into `outbuf` (NULL: thrown away); stderr is thrown away, so
 * nothing reaches a screen the program is drawing. The exit status, or
 * -1 when it could not run. */
static int run(char *const argv[], char *const envp[], const char *in, size_t inlen, char *outbuf, size_t outsize)
{
	int to_child[2] = { -1, -1 }, from_child[2] = { -1, -1 };
	if (pipe(to_child) != 0 || pipe(from_child) != 0) {
		for (int i = 0; i < 2; i++) {
			if (to_child[i] >= 0)
				close(to_child[i]);
			if (from_child[i] >= 0)
				close(from_child[i]);
		}
		return -1;
	}
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, to_child[0], STDIN_FILENO);
	posix_spawn_file_actions_adddup2(&fa, from_child[1], STDOUT_FILENO);
	posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addclose(&fa, to_child[1]);
	posix_spawn_file_actions_addclose(&fa, from_child[0]);
	pid_t pid;
	int rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, envp);
	posix_spawn_file_actions_destroy(&fa);
	close(to_child[0]);
	close(from_child[1]);
	if (rc != 0) {
		close(to_child[1]);
		close(from_child[0]);
		return -1;
	}
	/* A printer that stops reading must not kill us with SIGPIPE. */
	void (*old)(int) = signal(SIGPIPE, SIG_IGN);
	size_t done = 0;
	while (in && done < inlen) {
		ssize_t w = write(to_child[1], in + done, inlen - done);
		if (w <= 0)
			break;
		done += (size_t)w;
	}
	close(to_child[1]);
	signal(SIGPIPE, old);
	size_t got = 0;
	char sink[512];
	for (;;) {
		char *at = outbuf && got + 1 < outsize ? outbuf + got : sink;
		size_t room = outbuf && got + 1 < outsize ? outsize - got - 1 : sizeof sink;
		ssize_t n = read(from_child[0], at, room);
		if (n <= 0)
			break;
		if (at != sink)
			got += (size_t)n;
	}
	if (outbuf && outsize)
		outbuf[got] = '\0';
	close(from_child[0]);
	int status = 0;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool print_default_printer(char *name, size_t size)
{
	name[0] = '\0';
	char out[512];
	char *argv[] = { "lpstat", "-d", NULL };
	/* lpstat speaks the user's language; the line is read in English. */
	size_t n = 0;
	while (environ[n])
		n++;
	char **env = calloc(n + 2, sizeof *env);
	if (!env)
		return false;
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (strncmp(environ[i], "LC_ALL=", 7) != 0)
			env[k++] = environ[i];
	env[k++] = "LC_ALL=C";
	int status = run(argv, env, NULL, 0, out, sizeof out);
	free(env);
	/* "system default destination: Kontor" */
	const char *colon = status == 0 ? strstr(out, "destination:") : NULL;
	if (!colon)
		return false;
	colon += strlen("destination:");
	while (*colon == ' ')
		colon++;
	size_t len = strcspn(colon, " \r\n");
	if (len == 0 || len >= size)
		return false;
	memcpy(name, colon, len);
	name[len] = '\0';
	return true;
}

bool print_text(const char *printer, const char *title, const char *text, size_t len)
{
	char *argv[] = { "lp", "-s", "-d", (char *)printer, "-t", (char *)title, "-", NULL };
	return run(argv, environ, text, len, NULL, 0) == 0;
}
