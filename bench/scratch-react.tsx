import { Document, Page, Text, renderToBuffer } from '@react-pdf/renderer';
const t = Date.now();
const buf = await renderToBuffer(<Document><Page><Text>Xin chào ỷ ỹ Ỡ</Text></Page></Document>);
console.log(buf.length, Date.now() - t);
