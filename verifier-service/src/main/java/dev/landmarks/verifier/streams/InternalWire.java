package dev.landmarks.verifier.streams;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import dev.landmarks.proto.LocalFeatures;
import dev.landmarks.proto.Result;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Binary encoding of the verifier's internal records (repartition topics and the gather store), written in the
 * protobuf wire format by hand because landmarks.proto has no messages for them yet; the field numbers below are
 * the contract. Only this application reads these bytes, and old ones disappear with the topics' retention.
 */
final class InternalWire {
    // VerificationTask and CandidateVerdict share numbers 1-3 and 20 (image id, index, count, context).
    private static final int IMAGE_ID = 1;
    private static final int INDEX = 2;
    private static final int COUNT = 3;
    private static final int CONTEXT = 20;
    private static final int TASK_LANDMARK = 4;
    private static final int TASK_SCORE = 5;
    private static final int TASK_QUERY = 6;
    private static final int VERDICT_MILLIS = 10;
    private static final int VERDICT_ERROR = 11;
    private static final int VERDICT_FIELD = 12;
    private static final int LIST_ITEM = 1;

    static final Serde<VerificationTask> TASKS = Serdes.serdeFrom(
            (topic, task) -> task == null ? null : encode(task),
            (topic, bytes) -> bytes == null ? null : decodeTask(bytes));
    static final Serde<CandidateVerdict> VERDICTS = Serdes.serdeFrom(
            (topic, verdict) -> verdict == null ? null : encode(verdict),
            (topic, bytes) -> bytes == null ? null : decodeVerdict(bytes));

    private InternalWire() {
    }

    static byte[] encode(VerificationTask t) {
        return write(out -> {
            out.writeString(IMAGE_ID, t.imageId());
            out.writeInt32(INDEX, t.candidateIndex());
            out.writeInt32(COUNT, t.candidateCount());
            out.writeString(TASK_LANDMARK, t.landmarkId());
            out.writeFloat(TASK_SCORE, t.candidateScore());
            out.writeMessage(TASK_QUERY, t.query());
            out.writeMessage(CONTEXT, t.context());
        });
    }

    static VerificationTask decodeTask(byte[] bytes) {
        String imageId = "";
        String landmark = "";
        int index = 0;
        int count = 0;
        float score = 0f;
        LocalFeatures query = LocalFeatures.getDefaultInstance();
        Result context = Result.getDefaultInstance();
        try {
            CodedInputStream in = CodedInputStream.newInstance(bytes);
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                switch (WireFormat.getTagFieldNumber(tag)) {
                    case IMAGE_ID -> imageId = in.readString();
                    case INDEX -> index = in.readInt32();
                    case COUNT -> count = in.readInt32();
                    case TASK_LANDMARK -> landmark = in.readString();
                    case TASK_SCORE -> score = in.readFloat();
                    case TASK_QUERY -> query = LocalFeatures.parseFrom(in.readBytes());
                    case CONTEXT -> context = Result.parseFrom(in.readBytes());
                    default -> in.skipField(tag);
                }
            }
        } catch (IOException e) {
            throw new SerializationException("unreadable verification task: " + e.getMessage(), e);
        }
        return new VerificationTask(imageId, index, count, landmark, score, query, context);
    }

    static byte[] encode(CandidateVerdict c) {
        return write(out -> {
            out.writeString(IMAGE_ID, c.imageId());
            out.writeInt32(INDEX, c.candidateIndex());
            out.writeInt32(COUNT, c.candidateCount());
            VerdictWire.write(out, VERDICT_FIELD, c.verdict());
            out.writeDouble(VERDICT_MILLIS, c.verifyMillis());
            out.writeString(VERDICT_ERROR, c.error());
            out.writeMessage(CONTEXT, c.context());
        });
    }

    static CandidateVerdict decodeVerdict(byte[] bytes) {
        try {
            return decodeVerdict(CodedInputStream.newInstance(bytes));
        } catch (IOException e) {
            throw new SerializationException("unreadable verdict: " + e.getMessage(), e);
        }
    }

    private static CandidateVerdict decodeVerdict(CodedInputStream in) throws IOException {
        String imageId = "";
        String error = "";
        int index = 0;
        int count = 0;
        double millis = 0;
        Result context = Result.getDefaultInstance();
        Object[] verdictFields = VerdictWire.emptyFields();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case IMAGE_ID -> imageId = in.readString();
                case INDEX -> index = in.readInt32();
                case COUNT -> count = in.readInt32();
                case VERDICT_FIELD -> VerdictWire.readField(in.readBytes().newCodedInput(), verdictFields);
                case VERDICT_MILLIS -> millis = in.readDouble();
                case VERDICT_ERROR -> error = in.readString();
                case CONTEXT -> context = Result.parseFrom(in.readBytes());
                default -> in.skipField(tag);
            }
        }
        return new CandidateVerdict(imageId, index, count, VerdictWire.verdict(verdictFields), millis, error,
                context);
    }

    /** The gather store's value: the verdicts of one image received so far. */
    static byte[] encodeVerdicts(List<CandidateVerdict> verdicts) {
        return write(out -> {
            for (CandidateVerdict v : verdicts) {
                out.writeBytes(LIST_ITEM, ByteString.copyFrom(encode(v)));
            }
        });
    }

    static List<CandidateVerdict> decodeVerdicts(byte[] bytes) {
        List<CandidateVerdict> verdicts = new ArrayList<>();
        try {
            CodedInputStream in = CodedInputStream.newInstance(bytes);
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (WireFormat.getTagFieldNumber(tag) == LIST_ITEM) {
                    verdicts.add(decodeVerdict(in.readBytes().newCodedInput()));
                } else {
                    in.skipField(tag);
                }
            }
        } catch (IOException e) {
            throw new SerializationException("unreadable verdict list: " + e.getMessage(), e);
        }
        return verdicts;
    }

    interface Body {
        void writeTo(CodedOutputStream out) throws IOException;
    }

    static byte[] write(Body body) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream out = CodedOutputStream.newInstance(bytes);
            body.writeTo(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
