package org.veritally.formats.nist;

import java.util.List;

/**
 * The structural events of an ElectionReport, written in the XSD's element order so that one
 * sequence of calls serves both encodings: JSON ({@code "@type": "ElectionResults.T"}, arrays,
 * {@code @id}) and XML (repeated elements, {@code xsi:type} where the element's type is abstract,
 * {@code ObjectId} attributes, IDREFS as space-separated lists). Names are the standard's property
 * names; types are given without the {@code ElectionResults.} prefix. Not thread-safe.
 */
public interface NistSink extends AutoCloseable {
    void startReport();

    void endReport();

    /** Starts a repeated property; each element is an object started with {@link #startObject}. */
    void startList(String name);

    void endList();

    /** An object without an id, as an element of the current list. */
    void startObject(String type);

    /** An object with an {@code @id}, as an element of the current list. */
    void startObject(String type, String id);

    void endObject();

    void string(String name, String value);

    void number(String name, long value);

    /** An IDREFS property; nothing is written when {@code ids} is empty (XML IDREFS needs one). */
    void refs(String name, List<String> ids);

    /** An InternationalizedText property with one LanguageString. */
    void text(String name, String content, String language);

    /** An ExternalIdentifier of type {@code other}, in the current {@code ExternalIdentifier} list. */
    default void externalId(String otherType, String value) {
        startObject("ExternalIdentifier");
        string("Type", "other");
        string("OtherType", otherType);
        string("Value", value);
        endObject();
    }

    /** Flushes the encoder into the stream; the caller closes the stream. */
    @Override
    void close();
}
