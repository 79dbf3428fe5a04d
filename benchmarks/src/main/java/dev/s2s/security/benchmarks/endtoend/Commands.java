/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.s2s.security.benchmarks.endtoend;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Running the few system commands the end-to-end benchmark needs.
 *
 * @author s2s-security team
 */
final class Commands {

	private Commands() {
	}

	static boolean onPath(String program) throws IOException, InterruptedException {
		return run(List.of("sh", "-c", "command -v " + program), 10).exitCode() == 0;
	}

	static Result run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		process.getOutputStream().close();
		byte[][] output = new byte[1][];
		Thread reader = new Thread(() -> {
			try (InputStream in = process.getInputStream()) {
				output[0] = in.readAllBytes();
			}
			catch (IOException ex) {
				output[0] = new byte[0];
			}
		});
		reader.setDaemon(true);
		reader.start();
		if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			throw new IllegalStateException("Timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
		}
		reader.join(10_000);
		byte[] bytes = (output[0] != null) ? output[0] : new byte[0];
		return new Result(process.exitValue(), new String(bytes, StandardCharsets.UTF_8));
	}

	/**
	 * What a command did.
	 *
	 * @param exitCode its exit code
	 * @param output its standard output and error
	 */
	record Result(int exitCode, String output) {
	}

}
