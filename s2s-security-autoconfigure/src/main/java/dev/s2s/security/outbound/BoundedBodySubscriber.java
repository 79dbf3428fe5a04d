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

package dev.s2s.security.outbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

import org.jspecify.annotations.Nullable;

/**
 * Collects a response body up to a limit and cancels the exchange beyond it, so a huge or
 * endless response costs at most {@code limit} bytes.
 *
 * @author s2s-security team
 */
final class BoundedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

	private final CompletableFuture<byte[]> body = new CompletableFuture<>();

	private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

	private final int limit;

	private final long declaredLength;

	private Flow.@Nullable Subscription subscription;

	private BoundedBodySubscriber(int limit, long declaredLength) {
		this.limit = limit;
		this.declaredLength = declaredLength;
	}

	static HttpResponse.BodyHandler<byte[]> handler(int limit) {
		return (info) -> new BoundedBodySubscriber(limit, info.headers().firstValueAsLong("Content-Length").orElse(-1));
	}

	@Override
	public CompletionStage<byte[]> getBody() {
		return this.body;
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		this.subscription = subscription;
		if (this.declaredLength > this.limit) {
			tooLarge();
			return;
		}
		subscription.request(Long.MAX_VALUE);
	}

	@Override
	public void onNext(List<ByteBuffer> items) {
		for (ByteBuffer item : items) {
			if (this.body.isDone()) {
				return;
			}
			if (this.buffer.size() + item.remaining() > this.limit) {
				tooLarge();
				return;
			}
			byte[] bytes = new byte[item.remaining()];
			item.get(bytes);
			this.buffer.writeBytes(bytes);
		}
	}

	@Override
	public void onError(Throwable throwable) {
		this.body.completeExceptionally(throwable);
	}

	@Override
	public void onComplete() {
		this.body.complete(this.buffer.toByteArray());
	}

	private void tooLarge() {
		Flow.Subscription subscription = this.subscription;
		if (subscription != null) {
			subscription.cancel();
		}
		this.body.completeExceptionally(new ResponseTooLargeException(this.limit));
	}

	/**
	 * The response exceeded the limit.
	 */
	static final class ResponseTooLargeException extends IOException {

		private static final long serialVersionUID = 1L;

		ResponseTooLargeException(int limit) {
			super("the response is larger than " + limit + " bytes");
		}

	}

}
